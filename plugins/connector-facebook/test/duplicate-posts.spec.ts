import { afterEach, describe, expect, it } from 'vitest';
import type { PostInput } from '@chorus/connector-sdk';
import { connectedFacebook, failure, type ConnectedFacebook } from './support/connected-facebook.js';

// network-apis.md 2.6: nothing may make Chorus publish a post twice, nor claim another post as its own.
let connected: ConnectedFacebook | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const png = () => ({
  kind: 'image' as const,
  mimeType: 'image/png',
  sizeBytes: 68,
  width: 1080,
  height: 1080,
  source: { kind: 'bytes' as const, data: new Uint8Array(68) },
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

describe('Facebook: no duplicate posts', () => {
  it('findPublished: a captionless photo post never claims another captionless photo post in the window', async () => {
    connected = await connectedFacebook();
    const other = await publish({ text: '', media: [png()] }, 'someone-else');
    const found = await find({ text: '', media: [png()] }, 'mine');
    expect(found.status).toBe('unknown');
    expect(found).not.toMatchObject({ remoteId: other.remoteId });
  });

  it('findPublished: a captionless photo post finds nothing when only a text post is in the window', async () => {
    connected = await connectedFacebook();
    await publish({ text: 'Hello Page' }, 'text');
    expect((await find({ text: '', media: [png()] }, 'mine')).status).toBe('not-found');
    const again = await find({ text: 'Hello  Page' }, 'text');
    expect(again.status).toBe('found');
  });

  it('a transient error with a subcode on /feed is ambiguous (the post may be live), not retriable', async () => {
    connected = await connectedFacebook();
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 1, subcode: 1363047, message: 'Service temporarily unavailable' },
      match: { method: 'POST', path: `/${connected.credentials.accountId}/feed` },
    });
    expect((await failure(publish({ text: 'feed step' }, 'feed'))).kind).toBe('ambiguous');
  });

  it('a real HTTP 429 without a throttle code is rate-limited for Retry-After: on findPublished and on an unpublished photo upload', async () => {
    connected = await connectedFacebook();
    const id = connected.credentials.accountId;
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 0, message: 'Too Many Requests', status: 429 },
      headers: { 'retry-after': '120' },
      match: { method: 'GET', path: `/${id}/published_posts` },
    });
    const read = await failure(find({ text: 'x' }, 'x'));
    expect(read.kind).toBe('rate-limited');
    expect(read.retryAfter).toBe(120);
    connected.setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 0, message: 'Too Many Requests', status: 429 },
      match: { method: 'POST', path: `/${id}/photos` },
    });
    // Two photos: each is uploaded unpublished first, which nothing makes live.
    const write = await failure(publish({ text: 'two photos', media: [png(), png()] }, 'photos'));
    expect(write.kind).toBe('rate-limited');
    expect(connected.setup.fake.published()).toHaveLength(0);
  });

  it('a feed video that timed out after /videos accepted it is `unknown` while it processes, then found once its post exists', async () => {
    connected = await connectedFacebook({ videoPolls: 2 });
    const { setup, credentials, connector } = connected;
    setup.fake.injectFault({
      kind: 'timeout-after-send',
      match: { method: 'POST', path: `/${credentials.accountId}/videos` },
    });
    const post: PostInput = {
      text: 'A video',
      media: [
        {
          kind: 'video',
          mimeType: 'video/mp4',
          source: { kind: 'url', url: 'https://x.test/v.mp4' },
          durationSeconds: 10,
        },
      ],
    };
    expect((await failure(publish(post, 'v'))).kind).toBe('ambiguous');
    const found = await find(post, 'v');
    expect(found).toMatchObject({
      status: 'unknown',
      reason: expect.stringMatching(/processing/u) as unknown,
    });
    expect(setup.fake.state.videos.size).toBe(1);
    // Another textless post or another text's video is not this one.
    expect((await find({ ...post, text: 'Another video' }, 'w')).status).toBe('not-found');
    // Once processed, the video's post is what findPublished names.
    const [video] = [...setup.fake.state.videos.values()];
    for (let read = 0; read < 3; read += 1) {
      await fetch(`${setup.fake.url}/v25.0/${video!.id}?fields=status`, {
        headers: { authorization: `Bearer ${credentials.accessToken}` },
      });
    }
    expect(
      await connector.findPublished!(credentials, {
        idempotencyKey: 'v',
        fingerprint: 'v',
        post,
        window: window(),
      }),
    ).toMatchObject({ status: 'found' });
  });
});
