import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, type ConnectorOperation } from '@chorus/connector-sdk';
import type { RedditFakeFault } from '../src/testing/index.js';
import { connectedReddit, failure, type ConnectedReddit } from './support/connected-reddit.js';

const HTML =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>Our CDN was unable to reach our servers</body></html>';

// Bad input: every malformed answer becomes a classified error a person can act on, never a crash or a silent success.
describe('Reddit answers that cannot be read', () => {
  let reddit: ConnectedReddit;
  let n = 0;
  beforeAll(async () => {
    reddit = await connectedReddit();
  });
  afterAll(() => reddit.close());

  const publishWith = async (fault: RedditFakeFault) => {
    reddit.setup.fake.injectFault(fault);
    n += 1;
    const before = reddit.setup.fake.published().length;
    const error = await failure(reddit.publish({ text: `Bad answer ${n}` }, { title: `Bad ${n}` }));
    expect(error, 'publish must not succeed silently').toBeDefined();
    return { error: classifyError(error, 'publish'), applied: reddit.setup.fake.published().length - before };
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
    const found = await reddit.connector.findPublished!(reddit.credentials, {
      idempotencyKey: 'k',
      fingerprint: 'k',
      post: { text: `Bad answer ${n}`, settings: { subreddit: reddit.setup.subreddit, title: `Bad ${n}` } },
      window: { from: started, to: new Date(Date.now() + 1000).toISOString() },
    });
    expect(found.status).toBe('found');
  });

  it('JSON of the wrong shape, or a success without the post id, is ambiguous on a write', async () => {
    for (const body of [
      '[1,2]',
      '{"json":{"errors":[],"data":{}}}',
      '{"json":{"errors":[],"data":{"name":42}}}',
      '{"json":{"errors":[],"data":{"name":"abc"}}}',
      'null',
      '',
    ]) {
      const { error } = await publishWith({
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body,
        applied: true,
      });
      expect(error.kind, body).toBe('ambiguous');
      expect(error.message, body).toMatch(/unexpected shape|unreadable|empty body/u);
    }
  });

  it('a truncated body is ambiguous on a write', async () => {
    const { error } = await publishWith({ kind: 'truncated', applied: true });
    expect(error.kind).toBe('ambiguous');
  });

  it('errors inside a 200 of an unexpected spelling are still refusals, never a success', async () => {
    const { error, applied } = await publishWith({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{"json":{"errors":[["SUBREDDIT_NOTALLOWED"], "odd"]}}',
      applied: false,
    });
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toContain('SUBREDDIT_NOTALLOWED');
    expect(applied).toBe(0);
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
    const expired = await publishWith({
      kind: 'raw',
      status: 401,
      contentType: 'application/json',
      body: '{"message": "Unauthorized", "error": 401}',
      applied: false,
    });
    expect(expired.error.kind).toBe('reauth-required');
    expect(expired.error.message).toContain('reconnect the account');
  });

  it('on reads, unreadable answers are retriable, never a silent empty result', async () => {
    const cases: [RedditFakeFault['match'], ConnectorOperation, () => Promise<unknown>][] = [
      [
        { method: 'GET', path: /^\/message\/inbox$/u },
        'inbox.pull',
        () => reddit.connector.inbox!.pull!(reddit.credentials, { cursor: null }),
      ],
      [
        { method: 'GET', path: /^\/api\/v1\/me$/u },
        'auth.verify',
        () => reddit.connector.auth.verify(reddit.credentials),
      ],
      [
        { method: 'GET', path: /^\/api\/info$/u },
        'insights.post',
        () => reddit.connector.insights!.post!(reddit.credentials, { remoteIds: ['t3_abc'] }),
      ],
      [
        { method: 'GET', path: /\/submitted$/u },
        'findPublished',
        () =>
          reddit.connector.findPublished!(reddit.credentials, {
            idempotencyKey: 'k',
            fingerprint: 'k',
            post: { text: 'x', settings: { title: 'x' } },
            window: { from: new Date().toISOString(), to: new Date().toISOString() },
          }),
      ],
    ];
    for (const [match, operation, run] of cases) {
      for (const fault of [
        { kind: 'raw', status: 200, contentType: 'text/html', body: HTML, applied: false },
        {
          kind: 'raw',
          status: 200,
          contentType: 'application/json',
          body: '{"kind":"Listing","data":{"children":5}}',
          applied: false,
        },
        { kind: 'truncated', applied: false },
        { kind: 'server-error' },
      ] as const) {
        reddit.setup.fake.injectFault({ ...fault, match });
        const error = await failure(run());
        expect(error, `${operation} with ${fault.kind}`).toBeDefined();
        expect(classifyError(error, operation).kind, `${operation} with ${fault.kind}`).toBe('retriable');
      }
    }
  });

  it('a refused grant answered with HTTP 200 and an error field is reauth-required, not a token', async () => {
    reddit.setup.fake.injectFault({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{"error": "invalid_grant"}',
      applied: false,
      match: { method: 'POST', path: /^\/api\/v1\/access_token$/u },
    });
    const error = await failure(reddit.connector.auth.refresh!(reddit.credentials));
    expect(classifyError(error, 'auth.refresh').kind).toBe('reauth-required');
    expect((error as Error).message).toContain('invalid_grant');
  });

  it('a token answer without an access token is ambiguous for the exchange, never credentials with holes', async () => {
    reddit.setup.fake.injectFault({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: '{"token_type": "bearer", "expires_in": 3600}',
      applied: false,
      match: { method: 'POST', path: /^\/api\/v1\/access_token$/u },
    });
    const error = await failure(reddit.connector.auth.refresh!(reddit.credentials));
    expect(classifyError(error, 'auth.refresh').kind).toBe('ambiguous');
  });

  it('a storage answer without <Location> is retriable: nothing was published', async () => {
    reddit.setup.fake.injectFault({
      kind: 'raw',
      status: 201,
      contentType: 'application/xml',
      body: '<?xml version="1.0"?><PostResponse><Bucket>b</Bucket></PostResponse>',
      applied: false,
      match: { method: 'POST', path: /^\/reddit-uploaded-media$/u },
    });
    const before = reddit.setup.fake.published().length;
    const error = await failure(
      reddit.publish({
        text: '',
        media: [
          {
            kind: 'image',
            mimeType: 'image/png',
            source: { kind: 'bytes', data: new Uint8Array(10) },
            sizeBytes: 10,
          },
        ],
      }),
    );
    expect(classifyError(error, 'publish').kind).toBe('retriable');
    expect((error as Error).message).toContain('no <Location>');
    expect(reddit.setup.fake.published().length).toBe(before);
  });
});
