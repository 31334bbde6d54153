import { createHmac } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeyPair, parseIdentityPublicKey } from '@chorus/access';
import { ConnectorHost } from '@chorus/connector-host';
import { silentLogger } from '@chorus/connector-sdk';
import { MastodonFake, MastodonPeer, type AccountRecord } from '@chorus/connector-mastodon/testing';
import {
  channelConnectedV1,
  channelDisconnectedV1,
  createEnvelope,
  uuidv7,
  type ChannelConnectedV1,
  type ChannelDisconnectedV1,
  type EventEnvelope,
} from '@chorus/contracts';
import { Database } from '@chorus/persistence';
import { bootstrapService, withCorrelation, type RunningService } from '@chorus/service-kit';
import {
  WEBHOOK_CONNECTORS,
  WebhookIntakeMetrics,
  communityService,
  webhookConnectorsOf,
} from '../src/index.js';
import { ChannelConnectedKafkaConsumer } from '../src/infrastructure/messaging/channel-connected.kafka-consumer.js';
import { ChannelDisconnectedKafkaConsumer } from '../src/infrastructure/messaging/channel-disconnected.kafka-consumer.js';

// The community service alone on PGlite, listening on loopback: the fake Mastodon server posts its signed
// admin-webhook deliveries straight to the intake. The embedded-host test (test/e2e) adds the gateway and bus.

const SECRET = 'community-test-secret';
const repositoryRoot = resolve(import.meta.dirname, '../../..');

let fake: MastodonFake;
let connectors: ConnectorHost;
let database: Database;
let service: RunningService;
let url: string;
let brand: AccountRecord;
let fan: MastodonPeer;
const tenantA = uuidv7();
const workspaceA = uuidv7();
const tenantB = uuidv7();
const workspaceB = uuidv7();
const channelA = uuidv7();
const channelB = uuidv7();

const account = () => ({
  remoteId: `${brand.id}@${new URL(fake.url).host}`,
  handle: '@brand',
  displayName: 'The Brand',
});

function connected(
  tenantId: string,
  workspaceId: string,
  channelId: string,
): EventEnvelope<ChannelConnectedV1> {
  return createEnvelope(
    channelConnectedV1,
    { tenantId, workspaceId, correlationId: uuidv7() },
    {
      channelId,
      network: 'mastodon',
      account: account(),
      avatarUrl: null,
      capabilities: ['inbox'],
      connectedById: uuidv7(),
    },
  );
}

function disconnected(
  tenantId: string,
  workspaceId: string,
  channelId: string,
): EventEnvelope<ChannelDisconnectedV1> {
  return createEnvelope(
    channelDisconnectedV1,
    { tenantId, workspaceId, correlationId: uuidv7() },
    {
      channelId,
      network: 'mastodon',
      account: account(),
      reason: 'disconnected-by-member',
      disconnectedById: null,
    },
  );
}

async function deliver<P>(consumer: { handle(e: EventEnvelope<P>): Promise<void> }, event: EventEnvelope<P>) {
  const handler = withCorrelation(consumer as never, service.logger) as {
    handle(e: EventEnvelope<P>, tx: never): Promise<void>;
  };
  await service.serviceDb.withTenant(event.tenantId, (tx) => handler.handle(event, tx as never));
}

async function rows(tenantId: string, sql: string): Promise<Record<string, unknown>[]> {
  return service.serviceDb.withTenant(tenantId, (tx) => tx.query<Record<string, unknown>>(sql));
}

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${url}/webhooks/mastodon`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

beforeAll(async () => {
  fake = await MastodonFake.start();
  brand = fake.createAccount('brand');
  const fanAccount = fake.createAccount('fan');
  fan = new MastodonPeer(fake.url, fake.tokenFor(fanAccount.id), brand);
  connectors = await ConnectorHost.start({
    root: repositoryRoot,
    discover: false,
    conditions: ['@chorus/source', 'import', 'default'],
    logger: silentLogger,
    connectors: [
      {
        resolve: '@chorus/connector-mastodon',
        options: { webhooks: [{ instanceUrl: fake.url, secret: SECRET }] },
      },
    ],
  });
  database = await Database.open({ kind: 'pglite', dataDir: null });
  service = await bootstrapService(
    communityService,
    {
      database,
      bus: null,
      identityPublicKey: parseIdentityPublicKey(generateIdentityKeyPair().publicKeyPem),
      logLevel: 'error',
      logSink: () => undefined,
    },
    { providers: [{ provide: WEBHOOK_CONNECTORS, useValue: webhookConnectorsOf(connectors) }] },
  );
  url = await service.listen(0, '127.0.0.1');
  fake.registerWebhook({ url: `${url}/webhooks/mastodon`, events: ['status.created'], secret: SECRET });
  await deliver(service.app.get(ChannelConnectedKafkaConsumer), connected(tenantA, workspaceA, channelA));
}, 60_000);

afterAll(async () => {
  await fake?.close();
  await service?.app.close();
  await database?.close();
  await connectors?.close();
});

describe('community webhook intake', () => {
  it('stores a mention for the channel of the account, as its tenant, with InteractionReceived in the outbox', async () => {
    const { remoteId } = await fan.mention('first!');
    await fake.webhooksSettled();
    expect(fake.webhookDeliveries().at(-1)).toMatchObject({ attempts: [200] });
    expect(
      await rows(tenantA, 'SELECT remote_id, kind, text, channel_id FROM community.interaction'),
    ).toEqual([{ remote_id: remoteId, kind: 'mention', text: '@brand first!', channel_id: channelA }]);
    const events = await rows(tenantA, 'SELECT topic, envelope FROM community.outbox');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      topic: 'chorus.community.interaction-received.v1',
      envelope: { tenantId: tenantA, workspaceId: workspaceA, payload: { remoteId, channelId: channelA } },
    });
    // Row-level security: another tenant sees none of it.
    expect(await rows(tenantB, 'SELECT id FROM community.interaction')).toEqual([]);
  });

  it('stores a redelivery once', async () => {
    const last = fake.webhookDeliveries().at(-1)!;
    expect(await fake.redeliverWebhook(last.id)).toBe(200);
    expect(await fake.redeliverWebhook(last.id)).toBe(200);
    expect(await rows(tenantA, 'SELECT id FROM community.interaction')).toHaveLength(1);
    expect(await rows(tenantA, 'SELECT id FROM community.outbox')).toHaveLength(1);
    expect(service.app.get(WebhookIntakeMetrics).value('mastodon', 'duplicate')).toBe(2);
  });

  it('refuses a bad, missing or replayed-on-other-bytes signature with 401 and stores nothing', async () => {
    const genuine = fake.webhookDeliveries().at(-1)!;
    const other = genuine.body.replace(/"id":"(\d+)"/u, '"id":"1$1"').replace('first!', 'second');
    const answers = [
      await post(other, { 'x-hub-signature': genuine.signature }),
      await post(other, {}),
      await post(other, {
        'x-hub-signature': `sha256=${createHmac('sha256', 'wrong').update(other).digest('hex')}`,
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    expect(await rows(tenantA, 'SELECT id FROM community.interaction')).toHaveLength(1);
    expect(await rows(tenantA, 'SELECT id FROM community.outbox')).toHaveLength(1);
  });

  it('files an interaction under every workspace that connected the account, and none once disconnected', async () => {
    await deliver(service.app.get(ChannelConnectedKafkaConsumer), connected(tenantB, workspaceB, channelB));
    await fan.mention('to both');
    await fake.webhooksSettled();
    expect(await rows(tenantA, 'SELECT id FROM community.interaction')).toHaveLength(2);
    expect(await rows(tenantB, 'SELECT id FROM community.interaction')).toHaveLength(1);

    await deliver(
      service.app.get(ChannelDisconnectedKafkaConsumer),
      disconnected(tenantA, workspaceA, channelA),
    );
    await deliver(
      service.app.get(ChannelDisconnectedKafkaConsumer),
      disconnected(tenantB, workspaceB, channelB),
    );
    await fan.mention('anyone?');
    await fake.webhooksSettled();
    expect(fake.webhookDeliveries().at(-1)).toMatchObject({ attempts: [200] });
    expect(await rows(tenantA, 'SELECT id FROM community.interaction')).toHaveLength(2);
    expect(await rows(tenantB, 'SELECT id FROM community.interaction')).toHaveLength(1);
    expect(service.app.get(WebhookIntakeMetrics).value('mastodon', 'unknown-account')).toBe(1);
  });

  it('answers 400 for a signed delivery the connector cannot read, and 404 for a handshake it does not have', async () => {
    const body = '{"event":"status.created","created_at":"2026-01-01T00:00:00Z","object":{"id":"1"}}';
    const response = await post(body, {
      'x-hub-signature': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/could not read this delivery/u);
    const handshake = await fetch(`${url}/webhooks/mastodon?hub.challenge=1`);
    expect(handshake.status).toBe(404);
    // Over the 1 MiB body limit: refused before it is read whole.
    const huge = await post(`{"event":"${'x'.repeat(1024 * 1024)}"}`, { 'x-hub-signature': 'sha256=00' });
    expect(huge.status).toBe(413);
    // Not JSON at all: refused by the body parser before anything else runs.
    const notJson = await post('not json', { 'x-hub-signature': 'sha256=00' });
    expect(notJson.status).toBe(400);
    expect(await rows(tenantA, 'SELECT id FROM community.interaction')).toHaveLength(2);
  });
});
