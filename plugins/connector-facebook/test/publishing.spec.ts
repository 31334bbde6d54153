import { afterEach, describe, expect, it } from 'vitest';
import {
  connectedFacebook,
  failure,
  type ConnectedFacebook,
  type GraphAnswer,
} from './support/connected-facebook.js';

// network-apis.md 2.7 (publishing bullets), 2.6 and 0.1: each against the fake, through the connector.
const PNG = { kind: 'image' as const, mimeType: 'image/png', sizeBytes: 68, width: 1080, height: 1080 };
const png = (altText: string) => ({
  ...PNG,
  altText,
  source: { kind: 'bytes' as const, data: new Uint8Array(68) },
});

let connected: ConnectedFacebook | undefined;
afterEach(async () => {
  await connected?.setup.teardown?.();
  connected = undefined;
});

async function graph(path: string, token: string, init: RequestInit = {}) {
  const response = await fetch(`${connected!.setup.fake.url}/v25.0${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as GraphAnswer };
}

describe('Facebook Pages publishing against the fake', () => {
  it('/feed returns {"id":"<pageid>_<postid>"} and honours fields=permalink_url on the POST', async () => {
    connected = await connectedFacebook();
    const { credentials } = connected;
    const plain = await graph(`/${credentials.accountId}/feed`, credentials.accessToken, {
      method: 'POST',
      body: new URLSearchParams({ message: 'plain' }),
    });
    expect(plain.body).toEqual({
      id: expect.stringMatching(new RegExp(`^${credentials.accountId}_\\d+$`)) as unknown,
    });
    const withLink = await graph(
      `/${credentials.accountId}/feed?fields=id,permalink_url`,
      credentials.accessToken,
      {
        method: 'POST',
        body: new URLSearchParams({ message: 'with permalink' }),
      },
    );
    expect(withLink.body.permalink_url).toMatch(/^https:\/\/www\.facebook\.com\/\d+\/posts\/\d+$/);
  });

  it('several photos are uploaded unpublished and attached to one /feed post', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    const result = await connector.publish!(credentials, {
      idempotencyKey: 'k',
      fingerprint: 'k',
      post: { text: 'Three photos', media: [png('one'), png('two'), png('three')] },
    });
    expect(setup.fake.published()).toHaveLength(1);
    const post = setup.fake.state.posts.get(result.remoteId)!;
    expect(post.photoIds).toHaveLength(3);
    expect(post.photoIds.map((id) => setup.fake.state.photos.get(id)!.altText)).toEqual([
      'one',
      'two',
      'three',
    ]);
    expect(result.url).toContain('/posts/');
  });

  it('an invalid media_fbid is refused with code 100, which the connector reports as invalid content', async () => {
    connected = await connectedFacebook();
    const { credentials } = connected;
    const answer = await graph(`/${credentials.accountId}/feed`, credentials.accessToken, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'x', attached_media: [{ media_fbid: '999' }] }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 100,
      type: 'GraphMethodException',
      fbtrace_id: expect.any(String) as unknown,
    });
    expect(answer.body.error?.message).toContain('media_fbid');
  });

  it('scheduled_publish_time too soon or too far is refused with code 100 naming the scheduled time', async () => {
    connected = await connectedFacebook();
    const { credentials } = connected;
    const now = Math.floor(Date.now() / 1000);
    for (const when of [now + 60, now + 40 * 86_400]) {
      const answer = await graph(`/${credentials.accountId}/feed`, credentials.accessToken, {
        method: 'POST',
        body: new URLSearchParams({
          message: 'later',
          published: 'false',
          scheduled_publish_time: String(when),
        }),
      });
      expect(answer.body.error).toMatchObject({ code: 100 });
      expect(answer.body.error?.message).toMatch(/scheduled publish time/);
    }
    const ok = await graph(`/${credentials.accountId}/feed`, credentials.accessToken, {
      method: 'POST',
      body: new URLSearchParams({
        message: 'later',
        published: 'false',
        scheduled_publish_time: String(now + 3600),
      }),
    });
    expect(ok.body.id).toBeDefined();
    const scheduled = await graph(`/${credentials.accountId}/scheduled_posts`, credentials.accessToken);
    expect(scheduled.body.data).toHaveLength(1);
    expect(connected.setup.fake.published()).toHaveLength(0);
  });

  it('a Reel goes through start, upload to the upload_url host and finish, then its three phases complete', async () => {
    connected = await connectedFacebook({ videoPolls: 3 });
    const { connector, credentials, setup } = connected;
    const result = await connector.publish!(credentials, {
      idempotencyKey: 'reel',
      fingerprint: 'reel',
      post: {
        text: 'A reel',
        media: [
          {
            kind: 'video',
            mimeType: 'video/mp4',
            source: { kind: 'bytes', data: new Uint8Array(512) },
            width: 1080,
            height: 1920,
            durationSeconds: 12,
          },
        ],
        settings: { videoAs: 'reel' },
      },
    });
    const [reel] = setup.fake.published();
    const videoId = reel!.videoId!;
    const paths = setup.fake.requests().map((entry) => `${entry.method} ${entry.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([`POST /${credentials.accountId}/video_reels`, `GET /${videoId}`]),
    );
    // The bytes go to the configured upload host, its own origin as rupload.facebook.com is (1.1).
    expect(paths.filter((path) => path.includes('/video-upload/'))).toEqual([]);
    expect(setup.fake.ruploadServer.requests().map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      `POST /video-upload/v25.0/${videoId}`,
    ]);
    expect(new URL(setup.fake.ruploadServer.url).origin).not.toBe(new URL(setup.fake.url).origin);
    const status = await graph(`/${videoId}?fields=status`, credentials.accessToken);
    expect(status.body.status).toMatchObject({
      video_status: 'ready',
      uploading_phase: { status: 'complete' },
      processing_phase: { status: 'complete' },
      publishing_phase: { status: 'complete' },
    });
    expect(setup.fake.published().map((post) => post.kind)).toEqual(['reel']);
    // The Reel's Page post, as /published_posts names it; its permalink is the video's.
    expect(result.remoteId).toBe(reel!.id);
    expect(result.url).toBe(`https://www.facebook.com/${credentials.accountId}/videos/${videoId}/`);
  });

  it.each([
    ['a Page video', undefined],
    ['a Reel', { videoAs: 'reel' }],
  ])(
    '%s: publish and findPublished name the same Page post, with the same permalink',
    async (_kind, settings) => {
      connected = await connectedFacebook({ videoPolls: 2 });
      const { connector, credentials, setup } = connected;
      const from = new Date(Date.now() - 60_000).toISOString();
      const post = {
        text: 'Watch this',
        media: [
          {
            kind: 'video' as const,
            mimeType: 'video/mp4',
            source: { kind: 'bytes' as const, data: new Uint8Array(512) },
            width: 1080,
            height: 1920,
            durationSeconds: 12,
          },
        ],
        settings,
      };
      const published = await connector.publish!(credentials, {
        idempotencyKey: 'v',
        fingerprint: 'v',
        post,
      });
      const found = await connector.findPublished!(credentials, {
        idempotencyKey: 'v',
        fingerprint: 'v',
        post,
        window: { from, to: new Date(Date.now() + 60_000).toISOString() },
      });
      expect(found).toMatchObject({ status: 'found', remoteId: published.remoteId, url: published.url });
      const [video] = setup.fake.published();
      expect(published.remoteId).toBe(video!.id);
      expect(published.remoteId).toMatch(new RegExp(`^${credentials.accountId}_\\d+$`, 'u'));
      expect(published.url).toBe(
        `https://www.facebook.com/${credentials.accountId}/videos/${video!.videoId}/`,
      );
    },
  );

  it('a Reel that is not vertical or too long is refused before any upload', async () => {
    connected = await connectedFacebook();
    const { connector, setup } = connected;
    const before = setup.fake.requests().length;
    const issues = await connector.validate({
      text: 'bad reel',
      media: [
        {
          kind: 'video',
          mimeType: 'video/mp4',
          source: { kind: 'url', url: 'https://x.test/v.mp4' },
          width: 1920,
          height: 1080,
          durationSeconds: 120,
        },
      ],
      settings: { videoAs: 'reel' },
    });
    expect(issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['video-too-long', 'aspect-ratio-out-of-range']),
    );
    expect(setup.fake.requests().slice(before)).toHaveLength(0);
    expect(setup.fake.ruploadServer.requests()).toHaveLength(0);
  });

  it('a link together with photos is refused before upload; oversized or GIF photos too', async () => {
    connected = await connectedFacebook();
    const { connector } = connected;
    const issues = await connector.validate({
      text: 'x',
      link: { url: 'https://example.com' },
      media: [png('a')],
    });
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['link'], code: 'facebook:link-with-media' }),
    );
    const big = await connector.validate({ text: 'x', media: [{ ...png('a'), sizeBytes: 5 * 1_048_576 }] });
    expect(big).toContainEqual(
      expect.objectContaining({ path: ['media', 0, 'sizeBytes'], code: 'media-too-large' }),
    );
    const gif = await connector.validate({ text: 'x', media: [{ ...png('a'), mimeType: 'image/gif' }] });
    expect(gif).toContainEqual(expect.objectContaining({ code: 'media-type-not-allowed' }));
  });

  it('code 506 (duplicate consecutive post) is ambiguous, so the platform reconciles instead of posting again', async () => {
    connected = await connectedFacebook();
    const { connector, credentials } = connected;
    const input = { idempotencyKey: 'a', fingerprint: 'a', post: { text: 'Same words twice' } };
    await connector.publish!(credentials, input);
    const error = await failure(connector.publish!(credentials, { ...input, idempotencyKey: 'b' }));
    expect(error.kind).toBe('ambiguous');
    expect(error.message).toMatch(/duplicate/i);
    const found = await connector.findPublished!(credentials, {
      ...input,
      window: {
        from: new Date(Date.now() - 60_000).toISOString(),
        to: new Date(Date.now() + 1000).toISOString(),
      },
    });
    expect(found.status).toBe('found');
  });

  it('a throttle (code 4, 17, 32, 613, 80001) is rate-limited, applies nothing, and the retry posts once', async () => {
    for (const code of [4, 17, 32, 613, 80001]) {
      connected = await connectedFacebook();
      const { connector, credentials, setup } = connected;
      setup.fake.injectFault({
        kind: 'graph-error',
        error: { code, message: `(#${code}) limit reached`, status: code === 17 ? 403 : 400 },
        regainMinutes: 7,
        match: { method: 'POST', path: `/${credentials.accountId}/feed` },
      });
      const input = { idempotencyKey: 'k', fingerprint: 'k', post: { text: `Throttled ${code}` } };
      const error = await failure(connector.publish!(credentials, input));
      expect(error.kind).toBe('rate-limited');
      expect(error.retryAfter).toBe(420);
      expect(setup.fake.published()).toHaveLength(0);
      await connector.publish!(credentials, input);
      expect(setup.fake.published()).toHaveLength(1);
      await setup.teardown?.();
      connected = undefined;
    }
  });

  it('usage headers at 100 % on a success hold the account: the next call is refused without being sent', async () => {
    // Three calls with the Page token: verify (33 %), /feed (67 %), the permalink read (100 %).
    connected = await connectedFacebook({ usage: { callsPerHour: 3 } });
    const { connector, credentials, setup } = connected;
    await connector.auth.verify(credentials);
    const first = await connector.publish!(credentials, {
      idempotencyKey: 'a',
      fingerprint: 'a',
      post: { text: 'first' },
    });
    expect(first.url).toContain('/posts/');
    const sent = setup.fake.requests().length;
    const error = await failure(
      connector.publish!(credentials, { idempotencyKey: 'b', fingerprint: 'b', post: { text: 'held' } }),
    );
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(setup.fake.requests().length).toBe(sent);
    expect(setup.fake.published()).toHaveLength(1);
  });

  it('a spent budget makes the fake throttle by itself, with usage headers at 100 % and the time to regain access', async () => {
    connected = await connectedFacebook({ usage: { callsPerHour: 2 } });
    const { credentials } = connected;
    await graph(`/${credentials.accountId}?fields=id`, credentials.accessToken);
    await graph(`/${credentials.accountId}?fields=id`, credentials.accessToken);
    const response = await fetch(`${connected.setup.fake.url}/v25.0/${credentials.accountId}?fields=id`, {
      headers: { authorization: `Bearer ${credentials.accessToken}` },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(80001);
    const usage = JSON.parse(response.headers.get('x-business-use-case-usage')!) as Record<
      string,
      { call_count: number; estimated_time_to_regain_access: number }[]
    >;
    expect(usage[credentials.accountId]![0]).toMatchObject({
      call_count: 100,
      estimated_time_to_regain_access: 60,
    });
  });

  it('deleting a post twice succeeds both times', async () => {
    connected = await connectedFacebook();
    const { connector, credentials, setup } = connected;
    const result = await connector.publish!(credentials, {
      idempotencyKey: 'd',
      fingerprint: 'd',
      post: { text: 'Gone soon' },
    });
    await connector.delete!(credentials, { remoteId: result.remoteId });
    await connector.delete!(credentials, { remoteId: result.remoteId });
    expect(setup.fake.state.posts.get(result.remoteId)?.deleted).toBe(true);
  });
});
