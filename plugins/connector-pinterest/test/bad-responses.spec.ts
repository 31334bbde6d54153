import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '@chorus/connector-sdk';
import type { PinterestFakeFault } from '../src/testing/index.js';
import {
  connectedPinterest,
  failureOf,
  pinInput,
  type ConnectedPinterest,
} from './support/connected-pinterest.js';

const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

// Bad input: every malformed answer becomes a classified error a person can act on, never a crash or a silent success.
describe('Pinterest answers that cannot be read', () => {
  let p: ConnectedPinterest;
  beforeAll(async () => {
    p = await connectedPinterest();
  });
  afterAll(() => p.close());

  const publishWith = async (fault: PinterestFakeFault) => {
    p.setup.fake.injectFault(fault);
    const input = pinInput(p.boardId);
    const before = p.setup.fake.published().length;
    const error = await failureOf(p.connector.publish!(p.credentials, input));
    return {
      error: classifyError(error, 'publish'),
      applied: p.setup.fake.published().length - before,
      input,
    };
  };

  it('an HTML error page on a pin create is ambiguous and says what came back', async () => {
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

  it('an HTML page with 201 after the pin was created is ambiguous, and findPublished then finds the pin', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const { error, applied, input } = await publishWith({
      kind: 'raw',
      status: 201,
      contentType: 'text/html',
      body: HTML,
      applied: true,
    });
    expect(applied).toBe(1);
    expect(error.kind).toBe('ambiguous');
    const found = await p.connector.findPublished!(p.credentials, {
      ...input,
      window: { from: started, to: new Date(Date.now() + 1000).toISOString() },
    });
    expect(found).toMatchObject({ status: 'found', remoteId: p.setup.fake.published().at(-1)!.id });
  });

  it('JSON of the wrong shape, or with the id missing or a number, is ambiguous on a create', async () => {
    for (const body of ['[1,2]', '{}', '{"id":5490000000000001234}', 'null', '{"id":"abc"}']) {
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

  it('a truncated body is ambiguous on a create', async () => {
    const { error } = await publishWith({ kind: 'truncated', applied: true });
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('truncated');
  });

  it('a truncated 429 is still rate-limited, not ambiguous: nothing was created', async () => {
    const { error, applied } = await publishWith({ kind: 'truncated', applied: false, status: 429 });
    expect(applied).toBe(0);
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toContain('HTTP 429');
  });

  it('an error status with an HTML or empty body is still classified by its status', async () => {
    const html = await publishWith({
      kind: 'raw',
      status: 429,
      contentType: 'text/html',
      body: HTML,
      applied: false,
    });
    expect(html.error.kind).toBe('rate-limited');
    const empty = await publishWith({
      kind: 'raw',
      status: 400,
      contentType: 'application/json',
      body: '',
      applied: false,
    });
    expect(empty.error.kind).toBe('invalid-content');
    expect(empty.error.message).toContain('an empty body');
  });

  it('unreadable answers to reads are retriable, and say which endpoint', async () => {
    const pin = await p.connector.publish!(p.credentials, pinInput(p.boardId));
    const reads: PinterestFakeFault[] = [
      {
        kind: 'raw',
        status: 200,
        contentType: 'text/html',
        body: HTML,
        applied: false,
        match: { method: 'GET', path: /\/analytics$/u },
      },
      {
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body: '{"all":{"daily_metrics":"x"}}',
        applied: false,
        match: { method: 'GET', path: /\/analytics$/u },
      },
      {
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body: '{"items":[{"id":"1"}]}',
        applied: false,
        match: { method: 'GET', path: /^\/v5\/pins\/\d+$/u },
      },
    ];
    for (const fault of reads) {
      p.setup.fake.injectFault(fault);
      const error = classifyError(
        await failureOf(p.connector.insights!.post!(p.credentials, { remoteIds: [pin.remoteId] })),
        'insights.post',
      );
      expect(error.kind).toBe('retriable');
      expect(error.message).toMatch(/GET \/v5\/pins\/\d+/u);
    }
    p.setup.fake.injectFault({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{"username":""}',
      applied: false,
      match: { method: 'GET', path: /^\/v5\/user_account$/u },
    });
    const verify = classifyError(await failureOf(p.connector.auth.verify(p.credentials)), 'auth.verify');
    expect(verify.kind).toBe('retriable');
    expect(verify.message).toContain('username');
  });

  it('a token answer without an access token is ambiguous (the code or refresh token may be spent)', async () => {
    const credentials = await p.connect();
    p.setup.fake.injectFault({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{"token_type":"bearer"}',
      applied: true,
      match: { method: 'POST', path: /^\/v5\/oauth\/token$/u },
    });
    const error = classifyError(await failureOf(p.connector.auth.refresh!(credentials)), 'auth.refresh');
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toContain('access_token');
  });
});
