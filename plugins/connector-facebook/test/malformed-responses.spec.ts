import { afterEach, describe, expect, it } from 'vitest';
import { connectedFacebook, failure, type ConnectedFacebook } from './support/connected-facebook.js';

// Bad input from the network: every unreadable answer is a classified error that says what to do.
let connected: ConnectedFacebook | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const publish = (text: string) =>
  connected!.connector.publish!(connected!.credentials, {
    idempotencyKey: text,
    fingerprint: text,
    post: { text },
  });
const feed = () => ({ method: 'POST', path: `/${connected!.credentials.accountId}/feed` });

describe('malformed Graph answers', () => {
  it('an HTML error page on publish is ambiguous (a proxy may have passed it on) and says so', async () => {
    connected = await connectedFacebook();
    connected.setup.fake.injectFault({ kind: 'html', status: 502, match: feed() });
    const error = await failure(publish('html'));
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toMatch(/HTML page/);
  });

  it('an HTML error page on a read is retriable', async () => {
    connected = await connectedFacebook();
    connected.setup.fake.injectFault({ kind: 'html', status: 503 });
    const error = await failure(connected.connector.auth.verify(connected.credentials));
    expect(error.kind).toBe('retriable');
  });

  it('a success without the id it promises is ambiguous, naming the missing field; reconciliation finds the post', async () => {
    connected = await connectedFacebook();
    connected.setup.fake.injectFault({ kind: 'body', status: 200, text: '{"success":true}', match: feed() });
    const error = await failure(publish('missing id'));
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toMatch(/lacks or mistypes id/);
    const found = await connected.connector.findPublished!(connected.credentials, {
      idempotencyKey: 'missing id',
      fingerprint: 'missing id',
      post: { text: 'missing id' },
      window: {
        from: new Date(Date.now() - 60_000).toISOString(),
        to: new Date(Date.now() + 1000).toISOString(),
      },
    });
    expect(found.status).toBe('found');
  });

  it('wrong JSON (not JSON, an array, a string) is ambiguous on a write', async () => {
    connected = await connectedFacebook();
    for (const text of ['{"id": "1_2"', '[]', '"ok"']) {
      connected.setup.fake.injectFault({ kind: 'body', status: 200, text, match: feed() });
      const error = await failure(publish(`wrong ${text}`));
      expect(error.kind).toBe('ambiguous');
      expect(error.message).toMatch(/could not be used/);
    }
  });

  it('a truncated body is ambiguous on a write and retriable on a read', async () => {
    connected = await connectedFacebook();
    connected.setup.fake.injectFault({ kind: 'truncated', match: feed() });
    expect((await failure(publish('truncated'))).kind).toBe('ambiguous');
    connected.setup.fake.injectFault({ kind: 'truncated', match: { method: 'GET' } });
    expect((await failure(connected.connector.auth.verify(connected.credentials))).kind).toBe('retriable');
  });

  it('an error envelope without code, and a 401 without a body, are still classified', async () => {
    connected = await connectedFacebook();
    connected.setup.fake.injectFault({ kind: 'body', status: 400, text: '{"error":"bad"}', match: feed() });
    const odd = await failure(publish('odd error'));
    expect(odd.kind).toBe('invalid-content');
    expect(odd.message).toContain('bad');
    connected.setup.fake.injectFault({ kind: 'body', status: 401, text: '', match: { method: 'GET' } });
    expect((await failure(connected.connector.auth.verify(connected.credentials))).kind).toBe(
      'reauth-required',
    );
  });
});
