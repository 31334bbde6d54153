import { afterEach, describe, expect, it } from 'vitest';
import { classifyError, type RateLimitedError } from '@chorus/connector-sdk';
import { samplePhoto, TIKTOK_RATE_LIMITS } from '../src/testing/index.js';
import { connectedTikTok, errorOf, rawCall, type ConnectedTikTok } from './support/connected-tiktok.js';

// The contract setup lifts these limits for the kit's many posts; here they are TikTok's.
const REAL = { rateLimits: TIKTOK_RATE_LIMITS, dailyPostCap: 15 };
const photoPost = (text: string) => ({ text, media: [samplePhoto()] });

// network-apis.md 7.8, bullet 5; issue #7 item 7 (a 429 never becomes a duplicate post).
describe('fixture note "7th init within a minute → 429 rate_limit_exceeded; daily cap → spam_risk_too_many_posts"', () => {
  let t: ConnectedTikTok | undefined;
  afterEach(() => t?.close());

  it('six inits a minute per token pass; the seventh is 429 rate_limit_exceeded without rate-limit headers', async () => {
    t = await connectedTikTok(REAL);
    const init = () =>
      rawCall(`${t!.setup.fake.url}/v2/post/publish/content/init/`, {
        token: t!.credentials.accessToken,
        json: {
          post_info: { title: '', description: 'raw', privacy_level: 'PUBLIC_TO_EVERYONE' },
          source_info: {
            source: 'PULL_FROM_URL',
            photo_cover_index: 0,
            photo_images: ['https://media.chorus.test/photo.jpg'],
          },
          post_mode: 'DIRECT_POST',
          media_type: 'PHOTO',
        },
      });
    for (let index = 0; index < 6; index += 1) {
      expect((await init()).status).toBe(200);
    }
    const seventh = await init();
    expect([seventh.status, errorOf(seventh.json).code]).toEqual([429, 'rate_limit_exceeded']);
    expect(seventh.headers.get('x-ratelimit-remaining')).toBeNull();
    t.setup.fake.travel(61_000);
    expect((await init()).status).toBe(200);
  });

  it('the connector maps the seventh publish to rate-limited for the minute, creates no post and finds none', async () => {
    t = await connectedTikTok(REAL);
    for (let index = 0; index < 6; index += 1) {
      await t.publish(photoPost(`Post ${index}`));
    }
    const started = new Date(Date.now() - 1000).toISOString();
    const error = await t.publishError(photoPost('Post 7'), 'seventh');
    const classified = classifyError(error, 'publish');
    expect(classified.kind).toBe('rate-limited');
    expect((classified as RateLimitedError).retryAfter).toBe(60);
    expect(t.setup.fake.published()).toHaveLength(6);
    const found = await t.connector.findPublished!(t.credentials, {
      idempotencyKey: 'seventh',
      fingerprint: 'seventh',
      post: photoPost('Post 7'),
      window: { from: started, to: new Date(Date.now() + 1000).toISOString() },
    });
    expect(found.status).toBe('not-found');
  });

  it('the daily cap answers spam_risk_too_many_posts, mapped to rate-limited for an hour, never a duplicate', async () => {
    t = await connectedTikTok({ ...REAL, dailyPostCap: 2 });
    await t.publish(photoPost('One'));
    await t.publish(photoPost('Two'));
    const classified = classifyError(await t.publishError(photoPost('Three')), 'publish');
    expect(classified.kind).toBe('rate-limited');
    expect(classified.message).toContain('spam_risk_too_many_posts');
    expect(classified.message).toContain('daily post cap');
    expect((classified as RateLimitedError).retryAfter).toBe(3600);
    expect(t.setup.fake.published()).toHaveLength(2);
  });

  it('a publish whose status reads hit the limit waits the minute out and still ends with the live post', async () => {
    t = await connectedTikTok(
      {
        ...REAL,
        rateLimits: { ...TIKTOK_RATE_LIMITS, 'post.status': 2 },
        processingPolls: 3,
        processingMs: 3_600_000,
      },
      {},
      true,
    );
    const result = await t.publish(photoPost('Patient'));
    const statuses = t.setup.fake.log.filter((entry) => entry.path.endsWith('/status/fetch/'));
    // One refusal, then a minute's wait: polling on every 5 s would have met a dozen 429s.
    expect(statuses.filter((entry) => entry.status === 429)).toHaveLength(1);
    expect(t.setup.fake.published().map((post) => post.id)).toEqual([result.remoteId]);
  });

  it('status/fetch allows 30 reads a minute per token', async () => {
    t = await connectedTikTok(REAL);
    const statuses = [];
    for (let index = 0; index < 31; index += 1) {
      const answer = await rawCall(`${t.setup.fake.url}/v2/post/publish/status/fetch/`, {
        token: t.credentials.accessToken,
        json: { publish_id: 'none' },
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
