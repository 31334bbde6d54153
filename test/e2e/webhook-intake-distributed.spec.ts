import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MastodonFake, MastodonPeer, type AccountRecord } from '@chorus/connector-mastodon/testing';
import {
  channelConnectedV1,
  createEnvelope,
  interactionReceivedV1,
  type EventEnvelope,
  type InteractionReceivedV1,
} from '@chorus/contracts';
import { Outbox, createEventBus, messagingMigrations, type EventBus } from '@chorus/messaging';
import { Database, type ServiceDatabase } from '@chorus/persistence';
import { createTestDatabase, kafkaBrokersForTests, type TestDatabase } from '@chorus/testing';
import { Api } from './support/api.js';
import { startDistributedCluster, type DistributedCluster } from './support/distributed-cluster.js';

// The webhook intake with every service in its own process on PostgreSQL and Kafka: the fake Mastodon server
// posts to the gateway, which forwards the raw bytes over HTTP to the community process; ChannelConnected
// and InteractionReceived travel over Kafka.

const SECRET = 'distributed-webhook-secret';

let database: TestDatabase;
let folder: string;
let cluster: DistributedCluster;
let fake: MastodonFake;
let brand: AccountRecord;
let stranger: AccountRecord;
let fan: MastodonPeer;
let sql: pg.Client;
let observerDatabase: Database;
let observer: ServiceDatabase;
let bus: EventBus;
const seen: EventEnvelope<InteractionReceivedV1>[] = [];

const count = async (query: string) => (await sql.query<{ n: number }>(query)).rows[0]!.n;
// A fresh database per run: every interaction in it is this run's.
const storedInteractions = () => count('SELECT count(*)::int AS n FROM community.interaction');

async function eventually(check: () => Promise<boolean> | boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  fake = await MastodonFake.start();
  brand = fake.createAccount('brand');
  stranger = fake.createAccount('stranger');
  const fanAccount = fake.createAccount('fan');
  fan = new MastodonPeer(fake.url, fake.tokenFor(fanAccount.id), brand);

  folder = await mkdtemp(join(tmpdir(), 'chorus-webhooks-'));
  const connectorsFile = join(folder, 'connectors.json');
  await writeFile(
    connectorsFile,
    JSON.stringify({
      connectors: [
        {
          resolve: '@chorus/connector-mastodon',
          options: { webhooks: [{ instanceUrl: fake.url, secret: SECRET }] },
        },
      ],
    }),
  );
  const prefix = `e2e-${randomBytes(4).toString('hex')}.`;
  cluster = await startDistributedCluster({
    databaseUrl: database.url,
    kafkaBrokers: kafkaBrokersForTests().join(','),
    consumerGroupPrefix: prefix,
    readyTimeoutMs: 90_000,
    env: { community: { CHORUS_CONNECTORS_FILE: connectorsFile } },
  });
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();

  // Stands in for the gateway's channel connection (not built yet), over the real Kafka bus.
  observerDatabase = await Database.open(database.config);
  observer = await observerDatabase.forService({
    service: 'e2e_observer',
    entities: [],
    migrations: [...messagingMigrations('e2e_observer')],
  });
  await observer.migrate();
  bus = createEventBus(
    { transport: 'kafka', brokers: kafkaBrokersForTests(), clientId: 'e2e-observer' },
    { database: database.config },
  );
  bus.registerProducer(observer);
  bus.registerConsumer({
    group: `${prefix}e2e-observer`,
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
  await bus.start();
}, 180_000);

afterAll(async () => {
  await fake?.close();
  await bus?.stop();
  await observerDatabase?.close();
  await sql?.end();
  await cluster?.stop();
  await database?.drop();
  await rm(folder, { recursive: true, force: true });
}, 60_000);

describe('webhook intake, distributed (processes, PostgreSQL, Kafka)', () => {
  it('stores a signed mention once, refuses a bad signature, drops an unknown account', async () => {
    const api = new Api(cluster.gatewayUrl);
    const signUp = { body: await api.signUp() };
    const { agencyId: tenantId, workspaceId } = signUp.body;
    const channelId = randomUUID();
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
              handle: '@brand',
              displayName: 'B',
            },
            avatarUrl: null,
            capabilities: ['inbox'],
            connectedById: signUp.body.userId,
          },
        ) as EventEnvelope,
      ]),
    );
    // The shared broker keeps earlier runs' events, which a new consumer group reads from the beginning:
    // everything below looks at this run's tenant only.
    await eventually(
      async () =>
        (await count(
          `SELECT count(*)::int AS n FROM community.inbox_channel WHERE channel_id = '${channelId}'`,
        )) === 1,
      'ChannelConnected over Kafka',
    );
    const ours = () => seen.filter((event) => event.tenantId === tenantId);
    const url = `${cluster.gatewayUrl}/api/community/webhooks/mastodon`;
    fake.registerWebhook({ url, events: ['status.created'], secret: SECRET });

    const { remoteId } = await fan.mention('over Kafka <3');
    await fake.webhooksSettled();
    const delivery = fake.webhookDeliveries().at(-1)!;
    expect(delivery).toMatchObject({ state: 'delivered', attempts: [200] });
    expect(await storedInteractions()).toBe(1);
    await eventually(() => ours().length === 1, 'InteractionReceived over Kafka');
    expect(ours()[0]).toMatchObject({ tenantId, workspaceId, payload: { remoteId, channelId } });

    expect(await fake.redeliverWebhook(delivery.id)).toBe(200);
    const tampered = delivery.body.replace(/"id":"(\d+)"/u, '"id":"1$1"');
    const refused = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature': delivery.signature },
      body: tampered,
    });
    expect(refused.status).toBe(401);
    const wrongKey = `sha256=${createHmac('sha256', 'wrong').update(tampered).digest('hex')}`;
    const refusedToo = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature': wrongKey },
      body: tampered,
    });
    expect(refusedToo.status).toBe(401);

    await new MastodonPeer(fake.url, fake.tokenFor(brand.id), stranger).mention('not ours');
    await fake.webhooksSettled();
    expect(fake.webhookDeliveries().at(-1)).toMatchObject({ attempts: [200] });

    expect(await storedInteractions()).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM community.outbox')).toBe(0);
    await new Promise((r) => setTimeout(r, 2000));
    expect(ours()).toHaveLength(1);
  }, 120_000);
});
