import { afterEach, describe, expect, it } from 'vitest';
import {
  clip,
  connectedInstagram,
  failure,
  graph,
  photo,
  type ConnectedInstagram,
} from './support/connected-instagram.js';

// network-apis.md 3.7 (containers, carousels, quota, image subcodes), against the fake, mostly through the connector.
let connected: ConnectedInstagram | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

const publish = (text: string, media = [photo()], settings?: Record<string, unknown>) =>
  connected!.connector.publish!(connected!.credentials, {
    idempotencyKey: text,
    fingerprint: text,
    post: { text, media, settings },
  });

async function container(fields: Record<string, string>) {
  const { setup, credentials } = connected!;
  return graph(setup.fake.instagramHost.url, `/${credentials.accountId}/media`, credentials.accessToken, {
    method: 'POST',
    body: new URLSearchParams(fields),
  });
}

describe('Instagram containers against the fake', () => {
  it('images are FINISHED at once, videos after polls, PUBLISHED after media_publish, EXPIRED after 24 h', async () => {
    connected = await connectedInstagram({ videoPolls: 3 });
    const { setup, credentials } = connected;
    const base = setup.fake.instagramHost.url;
    const read = async (id: string) =>
      (await graph(base, `/${id}?fields=status_code,status`, credentials.accessToken)).body.status_code;
    const image = (await container({ image_url: 'https://media.chorus.test/photo.jpg' })).body.id!;
    expect(await read(image)).toBe('FINISHED');
    const video = (await container({ media_type: 'REELS', video_url: 'https://media.chorus.test/clip.mp4' }))
      .body.id!;
    expect([await read(video), await read(video), await read(video)]).toEqual([
      'IN_PROGRESS',
      'IN_PROGRESS',
      'FINISHED',
    ]);
    await graph(base, `/${credentials.accountId}/media_publish`, credentials.accessToken, {
      method: 'POST',
      body: new URLSearchParams({ creation_id: image }),
    });
    expect(await read(image)).toBe('PUBLISHED');
    setup.fake.advance(25 * 3_600_000);
    expect(await read(video)).toBe('EXPIRED');
  });

  it('a video the fake cannot process ends in ERROR with the subcode in `status`; the connector refuses it as invalid content', async () => {
    connected = await connectedInstagram();
    connected.setup.fake.host('https://media.chorus.test/clip.avi', {
      type: 'video/x-msvideo',
      sizeBytes: 1000,
      width: 1080,
      height: 1920,
      durationSeconds: 10,
    });
    const error = await failure(publish('bad video', [clip('https://media.chorus.test/clip.avi')]));
    expect(error.kind).toBe('invalid-content');
    expect(error.message).toContain('2207026');
    expect(connected.setup.fake.published()).toHaveLength(0);
  });

  it('a container ERROR with a retryable subcode (2207053) is retriable, not refused: a new container may cure it', async () => {
    connected = await connectedInstagram();
    connected.setup.fake.host('https://media.chorus.test/flaky.mp4', {
      type: 'video/mp4',
      sizeBytes: 1000,
      width: 1080,
      height: 1920,
      durationSeconds: 10,
      processingFailure: 'Error: An unknown error occurred during upload. 2207053',
    });
    const error = await failure(publish('flaky video', [clip('https://media.chorus.test/flaky.mp4')]));
    expect(error.kind).toBe('retriable');
    expect(error.message).toContain('2207053');
    expect(connected.setup.fake.published()).toHaveLength(0);
  });

  it('carousels: children need no caption, 2 to 10 of them, and the parent publishes only once all are FINISHED', async () => {
    connected = await connectedInstagram({ videoPolls: 2 });
    const { setup, credentials } = connected;
    const base = setup.fake.instagramHost.url;
    const captioned = await container({
      image_url: 'https://media.chorus.test/photo.jpg',
      is_carousel_item: 'true',
      caption: 'no',
    });
    expect(captioned.body.error).toMatchObject({ code: 100, error_subcode: 2207028 });
    const one = (
      await container({ image_url: 'https://media.chorus.test/photo.jpg', is_carousel_item: 'true' })
    ).body.id!;
    expect((await container({ media_type: 'CAROUSEL', children: one })).body.error?.error_subcode).toBe(
      2207028,
    );
    const eleven = Array.from({ length: 11 }, () => one).join(',');
    expect((await container({ media_type: 'CAROUSEL', children: eleven })).body.error?.error_subcode).toBe(
      2207028,
    );
    const video = (
      await container({
        media_type: 'VIDEO',
        video_url: 'https://media.chorus.test/clip.mp4',
        is_carousel_item: 'true',
      })
    ).body.id!;
    const parent = (await container({ media_type: 'CAROUSEL', children: `${one},${video}`, caption: 'two' }))
      .body.id!;
    const early = await graph(base, `/${credentials.accountId}/media_publish`, credentials.accessToken, {
      method: 'POST',
      body: new URLSearchParams({ creation_id: parent }),
    });
    expect(early.body.error).toMatchObject({ code: 9007 });
    // Through the connector: children polled to FINISHED first, then the parent.
    const result = await publish('A carousel', [
      photo(undefined, 'first'),
      clip('https://media.chorus.test/clip.mp4'),
      photo(undefined, 'third'),
    ]);
    const media = setup.fake.state.media.get(result.remoteId)!;
    expect(media.mediaType).toBe('CAROUSEL_ALBUM');
    expect(media.altTexts).toEqual(['first', null, 'third']);
    expect(setup.fake.published()).toHaveLength(1);
  });

  it('the quota endpoint counts publishes of the last 86,400 s; over it the connector refuses before any container', async () => {
    connected = await connectedInstagram({ quotaTotal: 2 });
    const { setup, credentials } = connected;
    await publish('one');
    await publish('two');
    const limit = await graph(
      setup.fake.instagramHost.url,
      `/${credentials.accountId}/content_publishing_limit?fields=quota_usage,config`,
      credentials.accessToken,
    );
    expect(limit.body.data?.[0]).toMatchObject({
      quota_usage: 2,
      config: { quota_total: 2, quota_duration: 86_400 },
    });
    const containers = setup.fake.state.containers.size;
    const error = await failure(publish('three'));
    expect(error.kind).toBe('rate-limited');
    expect(setup.fake.state.containers.size).toBe(containers);
    setup.fake.advance(86_401_000);
    await publish('three');
    expect(setup.fake.published()).toHaveLength(3);
  });

  it('media_publish over the limit answers subcode 2207042, which is rate-limited for a day', async () => {
    connected = await connectedInstagram({ quotaTotal: 1 });
    const { setup, credentials } = connected;
    // The connector's side: 2207042 on media_publish (the quota read raced another publisher) waits a day.
    setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 9, subcode: 2207042, message: 'Application request limit reached' },
      match: { method: 'POST', path: `/${credentials.accountId}/media_publish` },
    });
    const limited = await failure(publish('raced'));
    expect(limited.kind).toBe('rate-limited');
    expect(limited.retryAfter).toBe(86_400);
    expect(setup.fake.published()).toHaveLength(0);
    await publish('one');
    const base = setup.fake.instagramHost.url;
    const id = (await container({ image_url: 'https://media.chorus.test/photo.jpg' })).body.id!;
    const refused = await graph(base, `/${credentials.accountId}/media_publish`, credentials.accessToken, {
      method: 'POST',
      body: new URLSearchParams({ creation_id: id }),
    });
    expect(refused.body.error).toMatchObject({ code: 9, error_subcode: 2207042 });
  });

  it('image errors carry subcodes (size 2207004, ratio 2207009, format 2207005) and become invalid content on media', async () => {
    connected = await connectedInstagram();
    const { fake } = connected.setup;
    fake.host('https://m.test/big.jpg', {
      type: 'image/jpeg',
      sizeBytes: 9 * 1_048_576,
      width: 1080,
      height: 1080,
    });
    fake.host('https://m.test/wide.jpg', { type: 'image/jpeg', sizeBytes: 1000, width: 3000, height: 1000 });
    fake.host('https://m.test/pic.png', { type: 'image/png', sizeBytes: 1000, width: 1080, height: 1080 });
    for (const [url, subcode] of [
      ['https://m.test/big.jpg', 2207004],
      ['https://m.test/wide.jpg', 2207009],
      ['https://m.test/pic.png', 2207005],
    ] as const) {
      expect((await container({ image_url: url })).body.error?.error_subcode).toBe(subcode);
      // The connector's own check is bypassed here by declaring a harmless size and ratio.
      const error = await failure(publish(`bad ${subcode}`, [photo(url)]));
      expect(error.kind).toBe('invalid-content');
      expect(error.issues?.[0]).toMatchObject({
        path: ['media'],
        code: `meta:${subcode === 2207009 ? 36003 : 9004}/${subcode}`,
      });
    }
  });

  it('what the connector knows is refused before any upload: no media, a link, a wide photo, a long story video, bytes for a photo', async () => {
    connected = await connectedInstagram();
    const { connector, setup } = connected;
    const codes = async (post: Parameters<typeof connector.validate>[0]) =>
      (await connector.validate(post)).map((issue) => issue.code);
    expect(await codes({ text: 'no media' })).toContain('instagram:media-required');
    expect(await codes({ text: 'x', media: [photo()], link: { url: 'https://example.com' } })).toContain(
      'content-not-supported',
    );
    expect(await codes({ text: 'x', media: [{ ...photo(), width: 3000, height: 1000 }] })).toContain(
      'aspect-ratio-out-of-range',
    );
    expect(
      await codes({ text: 'x', media: [clip('https://m.test/v.mp4', 90)], settings: { placement: 'story' } }),
    ).toContain('video-too-long');
    expect(
      await codes({ text: 'x', media: [{ ...photo(), source: { kind: 'bytes', data: new Uint8Array(4) } }] }),
    ).toContain('instagram:public-url-required');
    expect(await codes({ text: `${'#tag '.repeat(31)}`, media: [photo()] })).toContain(
      'instagram:too-many-hashtags',
    );
    expect(setup.fake.state.containers.size).toBe(0);
  });

  it('stories: one container per item with media_type STORIES; video bytes go through a resumable upload', async () => {
    connected = await connectedInstagram();
    const { setup } = connected;
    const story = await publish('story', [photo(), clip('https://media.chorus.test/clip.mp4')], {
      placement: 'story',
    });
    expect(story.thread).toHaveLength(1);
    expect(setup.fake.published().map((media) => media.productType)).toEqual(['STORY', 'STORY']);
    const reel = await publish('reel from bytes', [
      { ...clip('x'), source: { kind: 'bytes', data: new Uint8Array(2048) } },
    ]);
    expect(setup.fake.state.media.get(reel.remoteId)?.productType).toBe('REELS');
    // The bytes go to the upload host, its own origin as rupload.facebook.com is, never to a Graph host.
    const uploads = (host: typeof setup.fake.ruploadHost) =>
      host.requests().filter((entry) => entry.path.startsWith('/ig-api-upload/'));
    expect(uploads(setup.fake.ruploadHost)).toMatchObject([{ method: 'POST', status: 200 }]);
    expect(new URL(setup.fake.ruploadHost.url).origin).not.toBe(new URL(setup.fake.facebookHost.url).origin);
    expect([...uploads(setup.fake.facebookHost), ...uploads(setup.fake.instagramHost)]).toEqual([]);
  });

  it('a throttle at media_publish is rate-limited, publishes nothing, and the retry publishes once', async () => {
    connected = await connectedInstagram();
    const { setup, credentials } = connected;
    setup.fake.injectFault({
      kind: 'graph-error',
      error: { code: 80002, message: '(#80002) There have been too many calls to this Instagram account' },
      regainMinutes: 3,
      match: { method: 'POST', path: `/${credentials.accountId}/media_publish` },
    });
    const error = await failure(publish('throttled'));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfter).toBe(180);
    expect(error.message).toMatch(/80002/);
    // The throttled media_publish reached the fake and was refused there: its container waits, unpublished.
    const refused = setup.fake.instagramHost
      .requests()
      .filter((entry) => entry.path === `/${credentials.accountId}/media_publish`);
    expect(refused.map((entry) => entry.status)).toEqual([400]);
    const waiting = [...setup.fake.state.containers.values()];
    expect(waiting.map((item) => [item.caption, item.status])).toEqual([['throttled', 'FINISHED']]);
    expect(setup.fake.published()).toHaveLength(0);
    expect(setup.fake.state.quotaUsage(credentials.accountId)).toBe(0);
    const retried = await publish('throttled');
    expect(setup.fake.published().map((media) => [media.id, media.caption])).toEqual([
      [retried.remoteId, 'throttled'],
    ]);
    expect(setup.fake.state.quotaUsage(credentials.accountId)).toBe(1);
  });
});
