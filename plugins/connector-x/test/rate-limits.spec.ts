import { afterEach, describe, expect, it } from 'vitest';
import { classifyError, type RateLimitedError } from '@chorus/connector-sdk';
import { connectedX, rawCall, type ConnectedX } from './support/connected-x.js';

// network-apis.md 5.8, bullet 5: headers on every response, 429 with a future reset, user and app buckets.
describe('X rate limits (fixture notes 5.8)', () => {
  let x: ConnectedX | undefined;
  afterEach(() => x?.close());

  it('every response of a limited endpoint carries x-rate-limit-limit/-remaining/-reset (epoch seconds)', async () => {
    x = await connectedX();
    const token = x.credentials.accessToken;
    const first = await rawCall(`${x.setup.fake.url}/2/users/me`, { token });
    const second = await rawCall(`${x.setup.fake.url}/2/users/me`, { token });
    expect(first.headers.get('x-rate-limit-limit')).toBe('75');
    expect(Number(second.headers.get('x-rate-limit-remaining'))).toBe(
      Number(first.headers.get('x-rate-limit-remaining')) - 1,
    );
    const reset = Number(first.headers.get('x-rate-limit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 900 + 1);
  });

  it('a spent per-user bucket answers 429 with a future reset: rate-limited for that long, never a duplicate, nothing posted', async () => {
    x = await connectedX({
      rateLimits: {
        'tweets.create': {
          user: { requests: 2, windowSeconds: 600 },
          app: { requests: 100, windowSeconds: 86_400 },
        },
      },
    });
    const publish = (text: string) =>
      x!.connector.publish!(x!.credentials, { idempotencyKey: text, fingerprint: text, post: { text } });
    await publish('one');
    await publish('two');
    const before = x.setup.fake.published().length;
    const error = classifyError(await publish('three').catch((caught: unknown) => caught));
    expect(error.kind).toBe('rate-limited');
    expect((error as RateLimitedError).retryAfter).toBeGreaterThan(590);
    expect((error as RateLimitedError).retryAfter).toBeLessThanOrEqual(601); // epoch seconds, rounded up
    expect(x.setup.fake.published().length).toBe(before);
    const raw = await rawCall(`${x.setup.fake.url}/2/tweets`, {
      method: 'POST',
      token: x.credentials.accessToken,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'four' }),
    });
    expect(raw.status).toBe(429);
    expect(raw.json).toMatchObject({ title: 'Too Many Requests', status: 429 });
    expect(raw.headers.get('x-rate-limit-remaining')).toBe('0');
  });

  it('the per-app bucket is shared by every user; the per-user one is not', async () => {
    x = await connectedX({
      rateLimits: {
        'tweets.create': {
          user: { requests: 1, windowSeconds: 900 },
          app: { requests: 2, windowSeconds: 86_400 },
        },
      },
    });
    const other = x.setup.fake.tokenFor(x.setup.other, ['tweet.read', 'tweet.write', 'users.read']);
    const third = x.setup.fake.tokenFor(x.setup.fake.createUser('third'), [
      'tweet.read',
      'tweet.write',
      'users.read',
    ]);
    const post = (token: string, text: string) =>
      rawCall(`${x!.setup.fake.url}/2/tweets`, {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      });
    expect((await post(x.credentials.accessToken, 'a')).status).toBe(201);
    expect((await post(x.credentials.accessToken, 'b')).status).toBe(429); // user bucket
    expect((await post(other, 'c')).status).toBe(201); // another user's own bucket
    const appSpent = await post(third, 'd');
    expect(appSpent.status).toBe(429); // the app's 2 are spent
    expect(Number(appSpent.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000 + 86_000);
  });

  it('a monthly usage cap (usage-capped) is rate-limited too, not a content problem', async () => {
    x = await connectedX();
    x.setup.fake.injectFault({
      kind: 'problem',
      status: 429,
      body: {
        title: 'UsageCapExceeded',
        detail: 'Usage cap exceeded: Monthly product cap',
        type: 'https://api.x.com/2/problems/usage-capped',
        status: 429,
      },
    });
    const error = classifyError(
      await x.connector.publish!(x.credentials, {
        idempotencyKey: 'c',
        fingerprint: 'c',
        post: { text: 'capped' },
      }).catch((caught: unknown) => caught),
    );
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(/usage cap/iu);
  });
});
