import { afterEach, describe, expect, it } from 'vitest';
import type { PostInput } from '@chorus/connector-sdk';
import { connectedThreads, failure, type ConnectedThreads } from './support/connected-threads.js';

// network-apis.md 4.6: nothing may make Chorus publish a post twice, nor claim another post as its own.
let connected: ConnectedThreads | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const image = (url = 'https://m.test/p.jpg') => ({
  kind: 'image' as const,
  mimeType: 'image/jpeg',
  source: { kind: 'url' as const, url },
  width: 1080,
  height: 1080,
  sizeBytes: 1000,
});
const window = () => ({
  from: new Date(Date.now() - 60_000).toISOString(),
  to: new Date(Date.now() + 60_000).toISOString(),
});
const publish = (post: PostInput, key: string) =>
  connected!.connector.publish!(connected!.credentials, { idempotencyKey: key, fingerprint: key, post });
const find = (post: PostInput, key: string) =>
  connected!.connector.findPublished!(connected!.credentials, {
    idempotencyKey: key,
    fingerprint: key,
    post,
    window: window(),
  });

describe('Threads: no duplicate posts', () => {
  it('findPublished: a textless image post never claims another textless image post in the window', async () => {
    connected = await connectedThreads();
    const other = await publish({ text: '', media: [image()] }, 'someone-else');
    const found = await find({ text: '', media: [image('https://m.test/q.jpg')] }, 'mine');
    expect(found.status).toBe('unknown');
    expect(found).not.toMatchObject({ remoteId: other.remoteId });
  });

  it('findPublished: a textless carousel is not a textless single image; a post with text still matches', async () => {
    connected = await connectedThreads();
    await publish({ text: '', media: [image()] }, 'single');
    expect((await find({ text: '', media: [image(), image()] }, 'mine')).status).toBe('not-found');
    const texted = await publish({ text: 'Hello there' }, 'text');
    expect(await find({ text: 'Hello  there' }, 'text')).toMatchObject({
      status: 'found',
      remoteId: texted.remoteId,
    });
  });

  it('findPublished for a self-thread whose first post is live answers unknown, never found: the rest may be missing', async () => {
    connected = await connectedThreads();
    const thread = { text: 'Part one', thread: [{ text: 'Part two' }, { text: 'Part three' }] };
    expect((await find(thread, 'thread')).status).toBe('not-found');
    // Part 1 went out, then the attempt broke off before the replies that carry parts 2 and 3.
    const first = await publish({ text: 'Part one' }, 'first-only');
    const found = await find(thread, 'thread');
    expect(found.status).toBe('unknown');
    expect(found).toMatchObject({
      reason: expect.stringMatching(/3-part thread .* other 2 part/u) as unknown,
    });
    expect(found).not.toMatchObject({ remoteId: first.remoteId });
  });

  it('a transient error with a subcode on threads_publish is ambiguous; on container creation it stays retriable', async () => {
    connected = await connectedThreads();
    const id = connected.credentials.accountId;
    const transient = {
      code: 2,
      subcode: 2207001,
      message: 'An unexpected error has occurred. Please retry.',
    };
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: transient,
      match: { method: 'POST', path: `/${id}/threads_publish` },
    });
    expect((await failure(publish({ text: 'publish step' }, 'a'))).kind).toBe('ambiguous');
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: transient,
      match: { method: 'POST', path: `/${id}/threads` },
    });
    expect((await failure(publish({ text: 'container step' }, 'b'))).kind).toBe('retriable');
  });

  it('a real HTTP 429 without a throttle code is rate-limited for Retry-After on findPublished and on container creation', async () => {
    connected = await connectedThreads();
    const id = connected.credentials.accountId;
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 0, message: 'Too Many Requests', status: 429 },
      headers: { 'retry-after': '30' },
      match: { method: 'GET', path: `/${id}/threads` },
    });
    const read = await failure(find({ text: 'x' }, 'x'));
    expect(read.kind).toBe('rate-limited');
    expect(read.retryAfter).toBe(30);
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 0, message: 'Too Many Requests', status: 429 },
      match: { method: 'POST', path: `/${id}/threads` },
    });
    expect((await failure(publish({ text: 'container' }, 'c'))).kind).toBe('rate-limited');
  });
});
