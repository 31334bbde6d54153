import { afterEach, describe, expect, it } from 'vitest';
import { connectedThreads, type ConnectedThreads } from './support/connected-threads.js';

// Graph date-times (4.2 `timestamp`) are checked, never handed to `new Date(x).toISOString()` unread.
let connected: ConnectedThreads | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

describe('Threads timestamps', () => {
  it('a published post whose read-back timestamp is not a date-time is still reported published, at the clock time', async () => {
    connected = await connectedThreads();
    const { connector, credentials, setup } = connected;
    // Ids are sequential in the fake: after this one, the text container, then the published post.
    const published = (BigInt(setup.fake.state.nextId()) + 2n).toString();
    setup.fake.injectFault({
      kind: 'body',
      status: 200,
      text: `{"id":"${published}","permalink":"https://www.threads.net/@chorus/post/abc","timestamp":"not a time"}`,
      match: { method: 'GET', path: `/${published}` },
    });
    const before = Date.now();
    const post = await connector.publish!(credentials, {
      idempotencyKey: 'ts',
      fingerprint: 'ts',
      post: { text: 'When was this?' },
    });
    expect(post.remoteId).toBe(published);
    expect(Date.parse(post.publishedAt)).toBeGreaterThanOrEqual(before - 1000);
  });
});
