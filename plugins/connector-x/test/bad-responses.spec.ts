import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, type ConnectorOperation } from '@chorus/connector-sdk';
import type { XFakeFault } from '../src/testing/index.js';
import { connectedX, type ConnectedX } from './support/connected-x.js';

const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

// Bad input (issue 6): every malformed answer becomes a classified error a person can act on.
describe('X answers that cannot be read', () => {
  let x: ConnectedX;
  let n = 0;
  beforeAll(async () => {
    x = await connectedX();
  });
  afterAll(() => x.close());

  const publishWith = async (fault: XFakeFault) => {
    x.setup.fake.injectFault(fault);
    n += 1;
    const before = x.setup.fake.published().length;
    const error = await x.connector.publish!(x.credentials, {
      idempotencyKey: `bad${n}`,
      fingerprint: `bad${n}`,
      post: { text: `Bad answer ${n}` },
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error, 'publish must not succeed silently').toBeDefined();
    return { error: classifyError(error, 'publish'), applied: x.setup.fake.published().length - before };
  };

  it('an HTML error page on a write is ambiguous and says what came back', async () => {
    const { error } = await publishWith({
      kind: 'raw',
      status: 502,
      contentType: 'text/html',
      body: HTML,
      applied: false,
    });
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('HTML page ("502 Bad Gateway")');
  });

  it('an HTML page with 200 after the post was applied is ambiguous, and findPublished then finds the post', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const { error, applied } = await publishWith({
      kind: 'raw',
      status: 200,
      contentType: 'text/html',
      body: HTML,
      applied: true,
    });
    expect(applied).toBe(1);
    expect(error.kind).toBe('ambiguous');
    const found = await x.connector.findPublished!(x.credentials, {
      idempotencyKey: `bad${n}`,
      fingerprint: `bad${n}`,
      post: { text: `Bad answer ${n}` },
      window: { from: started, to: new Date(Date.now() + 1000).toISOString() },
    });
    expect(found.status).toBe('found');
  });

  it('JSON of the wrong shape, or with the id missing or a number, is ambiguous on a write', async () => {
    for (const body of ['[1,2]', '{"data":{}}', '{"data":{"id":1900000000000000001,"text":"x"}}', 'null']) {
      const { error } = await publishWith({
        kind: 'raw',
        status: 201,
        contentType: 'application/json',
        body,
        applied: true,
      });
      expect(error.kind, body).toBe('ambiguous');
      expect(error.message, body).toMatch(/unexpected shape|unreadable/u);
    }
  });

  it('a truncated body is ambiguous on a write', async () => {
    const { error } = await publishWith({ kind: 'truncated', applied: true });
    expect(error.kind).toBe('ambiguous');
  });

  it('an error status with an unreadable body is still classified by its status', async () => {
    const refused = await publishWith({
      kind: 'raw',
      status: 400,
      contentType: 'text/plain',
      body: 'Bad Request',
      applied: false,
    });
    expect(refused.error.kind).toBe('invalid-content');
    const limited = await publishWith({
      kind: 'raw',
      status: 429,
      contentType: 'text/html',
      body: HTML,
      applied: false,
    });
    expect(limited.error.kind).toBe('rate-limited');
    const legacy = await publishWith({
      kind: 'raw',
      status: 401,
      contentType: 'application/json',
      body: '{"errors":[{"code":89,"message":"Invalid or expired token."}]}',
      applied: false,
    });
    expect(legacy.error.kind).toBe('reauth-required');
    expect(legacy.error.message).toContain('Invalid or expired token.');
  });

  it('on reads, unreadable answers are retriable, never a silent empty result', async () => {
    const cases: [XFakeFault['match'], ConnectorOperation, () => Promise<unknown>][] = [
      [
        { method: 'GET', path: /\/mentions$/u },
        'inbox.pull',
        () => x.connector.inbox!.pull!(x.credentials, { cursor: null }),
      ],
      [
        { method: 'GET', path: /^\/2\/users\/me$/u },
        'auth.verify',
        () => x.connector.auth.verify(x.credentials),
      ],
      [
        { method: 'GET', path: /^\/2\/tweets$/u },
        'insights.post',
        () => x.connector.insights!.post!(x.credentials, { remoteIds: ['1900000000000000001'] }),
      ],
    ];
    for (const [match, operation, run] of cases) {
      for (const fault of [
        { kind: 'raw', status: 200, contentType: 'text/html', body: HTML, applied: false },
        {
          kind: 'raw',
          status: 200,
          contentType: 'application/json',
          body: '{"meta":"nope","data":{"id":5}}',
          applied: false,
        },
        { kind: 'truncated', applied: false },
      ] as const) {
        x.setup.fake.injectFault({ ...fault, match });
        const error = await run().then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error, `${operation} with ${fault.kind}`).toBeDefined();
        expect(classifyError(error, operation).kind, `${operation} with ${fault.kind}`).toBe('retriable');
      }
    }
  });

  it('a 5xx on a read is retriable; on a write it is ambiguous', async () => {
    x.setup.fake.injectFault({ kind: 'server-error', match: { method: 'GET', path: /^\/2\/users\/me$/u } });
    const read = await x.connector.auth.verify(x.credentials).catch((caught: unknown) => caught);
    expect(classifyError(read, 'auth.verify').kind).toBe('retriable');
    const { error } = await publishWith({ kind: 'server-error' });
    expect(error.kind).toBe('ambiguous');
  });
});
