import { createHmac, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookIntakeMetrics } from '@chorus/community';
import { ConnectorHost } from '@chorus/connector-host';
import { silentLogger } from '@chorus/connector-sdk';
import {
  MastodonFake,
  MastodonPeer,
  type AccountRecord,
  type WebhookRecord,
} from '@chorus/connector-mastodon/testing';
import {
  channelConnectedV1,
  createEnvelope,
  interactionReceivedV1,
  type EventEnvelope,
  type InteractionReceivedV1,
} from '@chorus/contracts';
import { startEmbedded, type EmbeddedHost } from '@chorus/host';
import { Outbox, messagingMigrations } from '@chorus/messaging';
import type { ServiceDatabase } from '@chorus/persistence';
import { Api } from './support/api.js';

// The webhook intake end to end, embedded: the fake Mastodon server posts signed admin-webhook deliveries to
// the gateway's public route; the community service verifies them through the connector host, routes them by
// its channel directory, stores them once and emits InteractionReceived through its outbox.

const SECRET = 'mastodon-admin-webhook-secret';
const repositoryRoot = resolve(import.meta.dirname, '../..');

let fake: MastodonFake;
let connectors: ConnectorHost;
let host: EmbeddedHost;
let webhook: WebhookRecord;
let brand: AccountRecord;
let stranger: AccountRecord;
let fan: MastodonPeer;
let observer: ServiceDatabase;
let member: Api;
let tenantId: string;
let workspaceId: string;
const channelId = randomUUID();
const seen: EventEnvelope<InteractionReceivedV1>[] = [];

const community = () => host.services.find((s) => s.name === 'community')!;
const metrics = () => community().app.get(WebhookIntakeMetrics);

async function count(sql: string): Promise<number> {
  const [row] = await community().serviceDb.asSystem((tx) => tx.query<{ n: number }>(sql));
  return row!.n;
}
const storedInteractions = () => count('SELECT count(*)::int AS n FROM community.interaction');
// The relay deletes an outbox row once it has delivered it: what was emitted is what is still in the outbox
// plus what reached the bus.
const outboxRows = () => count('SELECT count(*)::int AS n FROM community.outbox');
async function emitted(): Promise<number> {
  await eventually(async () => (await outboxRows()) === 0, 'the relay to drain the outbox');
  await new Promise((r) => setTimeout(r, 200));
  return seen.length;
}

async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function post(body: string | Buffer, headers: Record<string, string>, connector = 'mastodon') {
  return fetch(`${host.url}/api/community/webhooks/${connector}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

beforeAll(async () => {
  fake = await MastodonFake.start();
  brand = fake.createAccount('brand', 'The Brand');
  stranger = fake.createAccount('stranger', 'Not a customer');
  const fanAccount = fake.createAccount('fan', 'A Fan');
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
  expect(connectors.refused).toEqual([]);
  host = await startEmbedded({
    dataDir: null,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'error',
    logSink: () => undefined,
    connectors,
  });
  webhook = fake.registerWebhook({
    url: `${host.url}/api/community/webhooks/mastodon`,
    events: ['status.created'],
    secret: SECRET,
  });

  const api = new Api(host.url);
  const signUp = { body: await api.signUp() };
  ({ agencyId: tenantId, workspaceId } = signUp.body);
  member = api.as(signUp.body.token, workspaceId);

  // A stand-in for the gateway's channel connection (not built yet): an outbox of its own emits
  // ChannelConnected through the same relay and bus, and watches InteractionReceived like any consumer.
  observer = await host.database.forService({
    service: 'e2e_observer',
    entities: [],
    migrations: [...messagingMigrations('e2e_observer')],
  });
  await observer.migrate();
  host.bus.registerProducer(observer);
  host.bus.registerConsumer({
    group: 'e2e-observer',
    db: observer,
    handlers: [
      {
        contract: interactionReceivedV1,
        handle: (event: EventEnvelope<InteractionReceivedV1>) => {
          seen.push(event);
          return Promise.resolve();
        },
      },
    ],
  });
  await observer.withTenant(tenantId, (tx) =>
    new Outbox(observer).add(tx, [
      createEnvelope(
        channelConnectedV1,
        { tenantId, workspaceId, correlationId: randomUUID() },
        {
          channelId,
          network: 'mastodon',
          account: {
            remoteId: `${brand.id}@${new URL(fake.url).host}`,
            handle: '@brand@fake.social',
            displayName: 'The Brand',
          },
          avatarUrl: null,
          capabilities: ['inbox'],
          connectedById: signUp.body.userId,
        },
      ) as EventEnvelope,
    ]),
  );
  await eventually(
    async () => (await count('SELECT count(*)::int AS n FROM community.inbox_channel')) === 1,
    'the channel directory to learn the channel',
  );
}, 120_000);

afterAll(async () => {
  await fake?.close();
  await host?.close();
  await connectors?.close();
});

describe('webhook intake, embedded host + Mastodon fake', () => {
  it('stores a signed mention once, emits InteractionReceived on the bus, and shows it in the inbox', async () => {
    const { remoteId } = await fan.mention('hello <brand> & team');
    await fake.webhooksSettled();
    const delivery = fake.webhookDeliveries().at(-1)!;
    expect(delivery).toMatchObject({ state: 'delivered', attempts: [200] });

    expect(await storedInteractions()).toBe(1);
    await eventually(() => seen.length === 1, 'InteractionReceived on the bus');
    expect(seen[0]).toMatchObject({
      type: 'InteractionReceived',
      tenantId,
      workspaceId,
      payload: { channelId, network: 'mastodon', kind: 'mention', remoteId, sentiment: 'unknown' },
    });

    const inbox = await member.call<{
      items: { remoteId: string; text: string; author: { handle: string } }[];
    }>('GET', '/api/community/interactions');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        remoteId,
        text: '@brand hello <brand> & team',
        author: expect.objectContaining({ handle: 'fan' }) as unknown,
      }),
    ]);

    // Mastodon retries a delivery whose answer was lost: the same bytes again store nothing new.
    expect(await fake.redeliverWebhook(delivery.id)).toBe(200);
    expect(await storedInteractions()).toBe(1);
    expect(metrics().value('mastodon', 'duplicate')).toBe(1);
    expect(await emitted()).toBe(1);
  }, 30_000);

  it('refuses a wrong signature, a missing one and a tampered body with 401, storing and emitting nothing', async () => {
    const genuine = fake.webhookDeliveries().at(-1)!;
    const tampered = genuine.body.replace(/"id":"(\d+)"/u, '"id":"1$1"').replace('hello', 'pay me');
    expect(tampered).not.toBe(genuine.body);
    const before = { interactions: await storedInteractions(), emitted: await emitted() };

    const wrongSecret = await post(tampered, { 'x-hub-signature': sign(tampered, 'not-the-secret') });
    const missing = await post(tampered, {});
    const tamperedBody = await post(tampered, { 'x-hub-signature': genuine.signature });
    const garbage = await post(tampered, { 'x-hub-signature': 'sha256=zz' });
    for (const response of [wrongSecret, missing, tamperedBody, garbage]) {
      expect(response.status).toBe(401);
      expect(((await response.json()) as { message: string }).message).toMatch(
        /signature is missing or does not match/u,
      );
    }
    expect(await outboxRows()).toBe(0);
    expect(await storedInteractions()).toBe(before.interactions);
    expect(await emitted()).toBe(before.emitted);
    expect(metrics().value('mastodon', 'refused-signature')).toBe(4);
    expect(connectors.metrics()).toContainEqual(
      expect.objectContaining({
        name: 'connector_webhooks_total',
        labels: { connector: 'mastodon', outcome: 'refused' },
        value: 4,
      }),
    );

    // The same bytes, signed with the right secret, are stored: the refusals above were the signature's doing.
    const control = await post(tampered, { 'x-hub-signature': sign(tampered) });
    expect(control.status).toBe(200);
    expect(await storedInteractions()).toBe(before.interactions + 1);
    expect(await emitted()).toBe(before.emitted + 1);
  }, 30_000);

  it('accepts a mention of an account no workspace connected, and stores nothing', async () => {
    const before = { interactions: await storedInteractions(), emitted: await emitted() };
    const toStranger = new MastodonPeer(fake.url, fake.tokenFor(brand.id), stranger);
    // brand -> stranger: addressed to an account Chorus does not manage.
    await toStranger.mention('hi stranger');
    await fake.webhooksSettled();
    expect(fake.webhookDeliveries().at(-1)).toMatchObject({ state: 'delivered', attempts: [200] });
    expect(await outboxRows()).toBe(0);
    expect(await storedInteractions()).toBe(before.interactions);
    expect(await emitted()).toBe(before.emitted);
    expect(metrics().value('mastodon', 'unknown-account')).toBe(1);
  }, 30_000);

  it('answers 404 for a connector that is not loaded and 400 for a malformed connector id', async () => {
    const body = '{}';
    const unknown = await post(body, { 'x-hub-signature': sign(body) }, 'myspace');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/No connector "myspace"/u);
    const malformed = await post(body, {}, 'Not_A_Connector');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(await malformed.json())).toContain('connector');
  });

  it('keeps every other community route behind sign-in, and pages the inbox', async () => {
    const anonymous = await new Api(host.url).call('GET', '/api/community/interactions');
    expect(anonymous.status).toBe(401);

    const first = await member.call<{ items: { id: string }[]; nextCursor: string | null }>(
      'GET',
      '/api/community/interactions?limit=1',
    );
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBe(first.body.items[0]!.id);
    const second = await member.call<{ items: { id: string }[]; nextCursor: string | null }>(
      'GET',
      `/api/community/interactions?limit=1&before=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]!.id < first.body.items[0]!.id).toBe(true);

    const tooMany = await member.call<{ message: string }>('GET', '/api/community/interactions?limit=500');
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('limit');
  });

  it('posts nothing once the admin disables the webhook on the server', async () => {
    webhook.enabled = false;
    const before = fake.webhookDeliveries().length;
    await fan.mention('nobody listens');
    await fake.webhooksSettled();
    expect(fake.webhookDeliveries()).toHaveLength(before);
  });
});
