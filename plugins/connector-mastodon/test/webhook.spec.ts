import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createConnectorContext,
  parseManifest,
  silentLogger,
  type Connector,
  type WebhookRequest,
} from '@chorus/connector-sdk';
import { mastodonConnector } from '../src/index.js';
import { MastodonFake, MastodonPeer, type AccountRecord } from '../src/testing/index.js';

/** A receiver on loopback that records the exact bytes and headers of each delivery. */
interface Received {
  readonly rawBody: Buffer;
  readonly headers: IncomingHttpHeaders;
}

const SECRET = 'a-webhook-secret';

let fake: MastodonFake;
let receiver: Server;
let receiverUrl: string;
let answer = 200;
const received: Received[] = [];
let brand: AccountRecord;
let fan: MastodonPeer;
let connector: Connector;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ rawBody: Buffer.concat(chunks), headers: request.headers });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/mastodon`;

  fake = await MastodonFake.start();
  brand = fake.createAccount('brand', 'The Brand');
  const other = fake.createAccount('fan', 'A Fan');
  fan = new MastodonPeer(fake.url, fake.tokenFor(other.id), brand);
  fake.registerWebhook({ url: receiverUrl, events: ['status.created'], secret: SECRET });

  const parsed = parseManifest(mastodonConnector.manifest);
  if (!parsed.ok) {
    throw new Error('invalid manifest');
  }
  connector = await mastodonConnector.create(
    createConnectorContext({
      manifest: parsed.manifest,
      config: { webhooks: [{ instanceUrl: fake.url, secret: SECRET }] },
      logger: silentLogger,
    }),
  );
});

afterAll(async () => {
  await fake.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(() => {
  answer = 200;
  received.length = 0;
});

const asRequest = (delivery: Received): WebhookRequest => ({
  rawBody: delivery.rawBody,
  headers: Object.fromEntries(
    Object.entries(delivery.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  ),
});

describe('Mastodon admin webhooks (fake server -> connector)', () => {
  it('declares the webhook capability and keeps the secret out of logs', () => {
    expect(connector.manifest.capabilities.inbox?.webhook).toBe(true);
    const webhooks = connector.manifest.configSchema.properties?.webhooks as {
      items: { properties: { secret: Record<string, unknown> } };
    };
    expect(webhooks.items.properties.secret['x-chorus-secret']).toBe(true);
  });

  it('posts a signed status.created delivery that the connector verifies and turns into a mention', async () => {
    const { remoteId } = await fan.mention('hello <there> & welcome');
    await fake.webhooksSettled();

    expect(received).toHaveLength(1);
    const delivery = received[0]!;
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['x-hub-signature']).toMatch(/^sha256=[0-9a-f]{64}$/u);
    expect(delivery.headers['user-agent']).toMatch(/^Mastodon\//u);
    // Rails escapes HTML characters: re-serialised JSON would not match the signature.
    expect(delivery.rawBody.toString()).toContain('\\u003cp\\u003e');
    const body = JSON.parse(delivery.rawBody.toString()) as { event: string; object: { id: string } };
    expect(body.event).toBe('status.created');
    expect(body.object.id).toBe(remoteId);

    const webhook = connector.inbox!.webhook!;
    expect(webhook.verify(asRequest(delivery))).toBe(true);
    const interactions = webhook.parse(asRequest(delivery));
    expect(interactions).toEqual([
      expect.objectContaining({
        remoteId,
        kind: 'mention',
        text: '@brand hello <there> & welcome',
        channelAccountId: `${brand.id}@${new URL(fake.url).host}`,
        author: expect.objectContaining({ handle: 'fan' }) as unknown,
      }),
    ]);
    expect(fake.webhookDeliveries().at(-1)).toMatchObject({ state: 'delivered', attempts: [200] });
  });

  it('refuses a tampered body, a wrong secret and a missing or malformed signature', async () => {
    await fan.mention('check me');
    await fake.webhooksSettled();
    const genuine = asRequest(received[0]!);
    const webhook = connector.inbox!.webhook!;
    const tampered = Buffer.from(received[0]!.rawBody.toString().replace('check me', 'check you'));
    expect(webhook.verify({ ...genuine, rawBody: tampered })).toBe(false);
    expect(
      webhook.verify({ ...genuine, headers: { ...genuine.headers, 'x-hub-signature': undefined } }),
    ).toBe(false);
    const hex = genuine.headers['x-hub-signature']!.slice('sha256='.length);
    expect(webhook.verify({ ...genuine, headers: { ...genuine.headers, 'x-hub-signature': hex } })).toBe(
      false,
    );
    expect(
      webhook.verify({ ...genuine, headers: { ...genuine.headers, 'x-hub-signature': 'sha1=00' } }),
    ).toBe(false);
    const other = await mastodonConnector.create(
      createConnectorContext({
        manifest: connector.manifest,
        config: { webhooks: [{ instanceUrl: fake.url, secret: 'another-secret' }] },
        logger: silentLogger,
      }),
    );
    expect(other.inbox!.webhook!.verify(genuine)).toBe(false);
    expect(() => other.inbox!.webhook!.parse(genuine)).toThrow(/not signed/u);
  });

  it('addresses a reply to the author answered, and ignores statuses that address nobody', async () => {
    const brandPeer = new MastodonPeer(fake.url, fake.tokenFor(brand.id), {
      id: brand.id,
      username: 'nobody',
    });
    const root = await brandPeer.mention('our news');
    const reply = await fan.reply(root.remoteId, 'congrats');
    await fake.webhooksSettled();
    const webhook = connector.inbox!.webhook!;
    const [own, replyDelivery] = received.map(asRequest);
    expect(webhook.parse(own!)).toEqual([]);
    expect(webhook.parse(replyDelivery!)).toEqual([
      expect.objectContaining({
        remoteId: reply.remoteId,
        kind: 'comment',
        conversationId: root.remoteId,
        inReplyToRemoteId: root.remoteId,
      }),
    ]);
  });

  it('ignores events other than status.created and refuses a body that is not a delivery', () => {
    const webhook = connector.inbox!.webhook!;
    const signed = (body: string): WebhookRequest => ({
      rawBody: Buffer.from(body),
      headers: {
        'x-hub-signature': `sha256=${createHmacHex(body)}`,
      },
    });
    expect(
      webhook.parse(signed('{"event":"account.created","created_at":"2026-01-01T00:00:00Z","object":{}}')),
    ).toEqual([]);
    expect(() => webhook.parse(signed('not json'))).toThrow(/not JSON/u);
    expect(() =>
      webhook.parse(signed('{"event":"status.created","created_at":"x","object":{"id":"1"}}')),
    ).toThrow(/object\./u);
  });

  it('keeps a failed delivery in the retry set and delivers it on the next retry; gives up on a 400', async () => {
    answer = 503;
    await fan.mention('are you there?');
    await fake.webhooksSettled();
    const failed = fake.webhookDeliveries().at(-1)!;
    expect(failed).toMatchObject({ state: 'retrying', attempts: [503] });

    answer = 200;
    await fake.retryWebhooks();
    expect(fake.webhookDeliveries().find((d) => d.id === failed.id)).toMatchObject({
      state: 'delivered',
      attempts: [503, 200],
    });
    expect(received.at(-1)!.rawBody.equals(received[0]!.rawBody)).toBe(true);

    answer = 400;
    await fan.mention('once more');
    await fake.webhooksSettled();
    expect(fake.webhookDeliveries().at(-1)).toMatchObject({ state: 'discarded', attempts: [400] });

    answer = 401; // Mastodon retries a 401
    await fan.mention('and again');
    await fake.webhooksSettled();
    expect(fake.webhookDeliveries().at(-1)).toMatchObject({ state: 'retrying', attempts: [401] });
  });
});

function createHmacHex(body: string): string {
  return createHmac('sha256', SECRET).update(body).digest('hex');
}
