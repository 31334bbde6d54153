import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError, systemClock, type WebhookRequest } from '@chorus/connector-sdk';
import { createTikTokWebhook, tiktokConfigSchema } from '../src/index.js';
import { samplePhoto } from '../src/testing/index.js';
import { connectedTikTok, type ConnectedTikTok } from './support/connected-tiktok.js';

// network-apis.md 7.8, bullet 7 (and 7.5, 0.2).
describe('fixture note "Webhook TikTok-Signature with timestamp tolerance; content is a JSON string"', () => {
  let t: ConnectedTikTok;
  let webhook: ReturnType<typeof createTikTokWebhook>;
  beforeAll(async () => {
    t = await connectedTikTok();
    webhook = createTikTokWebhook(tiktokConfigSchema.parse(t.setup.config), systemClock);
  });
  afterAll(() => t.close());

  const drain = () => {
    while (t.setup.fake.nextWebhook()) {
      // deliveries of earlier steps
    }
  };

  it('a publish is delivered signed t=<unix>,s=<hex> over "t.body", with content as a JSON string', async () => {
    drain();
    const result = await t.publish({ text: 'Hooked', media: [samplePhoto()] });
    const delivery = t.setup.fake.nextWebhook()!;
    const header = delivery.headers['tiktok-signature']!;
    expect(header).toMatch(/^t=\d{10},s=[0-9a-f]{64}$/u);
    const body = JSON.parse(Buffer.from(delivery.rawBody).toString('utf8')) as { content: unknown };
    expect(typeof body.content).toBe('string');
    expect(webhook.verify(delivery)).toBe(true);
    expect(webhook.parse(delivery)).toMatchObject({
      type: 'publish',
      event: 'post.publish.complete',
      accountId: t.setup.account.openId,
    });
    const publicly = t.setup.fake.nextWebhook()!;
    expect(webhook.verify(publicly)).toBe(true);
    expect(webhook.parse(publicly)).toMatchObject({
      event: 'post.publish.publicly_available',
      postId: result.remoteId,
    });
  });

  it('a tampered body, a wrong secret, a missing or malformed header do not verify', () => {
    const delivery = t.setup.fake.webhooks.sign(
      t.setup.fake.webhooks.body('post.publish.failed', t.setup.account.openId, {
        publish_id: 'p1',
        reason: 'x',
      }),
    );
    expect(webhook.verify(delivery)).toBe(true);
    const tampered = new Uint8Array(delivery.rawBody);
    tampered[10] = (tampered[10] ?? 0) ^ 1;
    expect(webhook.verify({ ...delivery, rawBody: tampered })).toBe(false);
    const other = createTikTokWebhook(tiktokConfigSchema.parse({ ...t.setup.config, clientSecret: 'other' }));
    expect(other.verify(delivery)).toBe(false);
    const withHeader = (value: string | undefined): WebhookRequest => ({
      rawBody: delivery.rawBody,
      headers: { 'tiktok-signature': value },
    });
    expect(webhook.verify(withHeader(undefined))).toBe(false);
    expect(webhook.verify(withHeader('garbage'))).toBe(false);
    const [t0, s0] = delivery.headers['tiktok-signature']!.split(',');
    expect(webhook.verify(withHeader(`${s0},${t0}`))).toBe(true);
    expect(webhook.verify(withHeader(`${t0},s=zz`))).toBe(false);
    // Header names arrive in any case.
    expect(
      webhook.verify({
        rawBody: delivery.rawBody,
        headers: { 'TikTok-Signature': delivery.headers['tiktok-signature'] },
      }),
    ).toBe(true);
  });

  it('a delivery older (or newer) than the tolerance is refused as a replay', () => {
    const body = t.setup.fake.webhooks.body('post.publish.complete', t.setup.account.openId, {
      publish_id: 'p2',
    });
    const now = Date.now();
    expect(webhook.verify(t.setup.fake.webhooks.sign(body, now - 290_000))).toBe(true);
    expect(webhook.verify(t.setup.fake.webhooks.sign(body, now - 310_000))).toBe(false);
    expect(webhook.verify(t.setup.fake.webhooks.sign(body, now + 310_000))).toBe(false);
  });

  it('authorization.removed names the account and the reason', () => {
    drain();
    t.setup.fake.disconnect(t.setup.other, 4);
    const delivery = t.setup.fake.nextWebhook()!;
    expect(webhook.verify(delivery)).toBe(true);
    expect(webhook.parse(delivery)).toMatchObject({
      type: 'authorization-removed',
      accountId: t.setup.other.openId,
      reason: 4,
      reasonText: 'the account was banned',
    });
  });

  it("a body that is not TikTok's, or content that is not a JSON string, is refused with what is wrong", () => {
    const cases = [
      'not json',
      '{"event":"post.publish.complete"}',
      JSON.stringify({
        client_key: 'tiktok-client-key',
        event: 'x',
        create_time: 1,
        user_openid: 'u',
        content: '{oops',
      }),
      JSON.stringify({
        client_key: 'someone-else',
        event: 'x',
        create_time: 1,
        user_openid: 'u',
        content: '{}',
      }),
    ];
    for (const body of cases) {
      const delivery = t.setup.fake.webhooks.sign(body);
      const error = (() => {
        try {
          webhook.parse(delivery);
          return undefined;
        } catch (caught) {
          return caught;
        }
      })();
      expect(classifyError(error, 'inbox.parseWebhook').kind, body).toBe('invalid-content');
    }
  });
});
