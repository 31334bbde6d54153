import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeyPair, parseIdentityPublicKey } from '@chorus/access';
import { ConnectorHost } from '@chorus/connector-host';
import {
  RetriableError,
  createOAuthState,
  silentLogger,
  type Credentials,
  type WebhookRequest,
} from '@chorus/connector-sdk';
import {
  createInstagramContractSetup,
  type InstagramContractSetup,
} from '@chorus/connector-instagram/testing';
import { channelConnectedV1, createEnvelope, uuidv7, type EventEnvelope } from '@chorus/contracts';
import { Database } from '@chorus/persistence';
import { bootstrapService, withCorrelation, type RunningService } from '@chorus/service-kit';
import {
  INBOX_CREDENTIALS,
  WEBHOOK_CONNECTORS,
  WebhookIntakeMetrics,
  communityService,
  webhookConnectorsOf,
  type InboxCredentials,
} from '../src/index.js';
import { ChannelConnectedKafkaConsumer } from '../src/infrastructure/messaging/channel-connected.kafka-consumer.js';

// Instagram `mentions` deliveries carry ids only (network-apis.md 3.3): the intake has the connector read the
// caption or comment with the channel's credentials before storing (ADR 0021). The real Instagram plugin, hosted
// by the connector host, against its fake; credentials come from a stand-in for the gateway's vault API.

const repositoryRoot = resolve(import.meta.dirname, '../../..');

let setup: InstagramContractSetup;
let connectors: ConnectorHost;
let database: Database;
let service: RunningService;
let url: string;
let credentials: Credentials;
/** What the stand-in vault does on the next read: answer, or fail as an unreachable gateway would. */
let vault: 'answer' | 'unreachable' | 'must-reconnect' = 'answer';
const tenantId = uuidv7();
const workspaceId = uuidv7();
const channelId = uuidv7();

const inboxCredentials: InboxCredentials = {
  credentialsFor: (tenant, channel) => {
    expect([tenant, channel]).toEqual([tenantId, channelId]);
    if (vault === 'unreachable') {
      return Promise.reject(new RetriableError('the gateway did not answer'));
    }
    if (vault === 'must-reconnect') {
      return Promise.reject(
        Object.assign(new Error('reconnect the channel'), { name: 'ChannelMustReconnectError' }),
      );
    }
    return Promise.resolve(credentials);
  },
};

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return service.serviceDb.withTenant(tenantId, (tx) => tx.query<Record<string, unknown>>(sql));
}

/** Posts a signed delivery of the fake's to the intake, as Meta would. */
async function post(delivery: WebhookRequest): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(delivery.headers)) {
    if (typeof value === 'string') {
      headers[name] = value;
    }
  }
  const answer = await fetch(`${url}/webhooks/instagram`, {
    method: 'POST',
    headers,
    body: new Uint8Array(delivery.rawBody),
  });
  return answer.status;
}

beforeAll(async () => {
  setup = await createInstagramContractSetup();
  connectors = await ConnectorHost.start({
    root: repositoryRoot,
    discover: false,
    conditions: ['@chorus/source', 'import', 'default'],
    logger: silentLogger,
    connectors: [{ resolve: '@chorus/connector-instagram', options: setup.config }],
  });
  const oauth = connectors.connector('instagram').auth.oauth2!;
  const redirectUri = setup.auth.oauth2!.redirectUri;
  const start = await oauth.start({ redirectUri, state: createOAuthState(), codeChallenge: 'x' });
  const consent = await setup.auth.oauth2!.consent(start.url);
  credentials = await oauth.exchange({
    code: consent.code,
    redirectUri,
    codeVerifier: '',
    pending: start.pending,
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
    {
      providers: [
        { provide: WEBHOOK_CONNECTORS, useValue: webhookConnectorsOf(connectors) },
        { provide: INBOX_CREDENTIALS, useValue: inboxCredentials },
      ],
    },
  );
  url = await service.listen(0, '127.0.0.1');
  const connected: EventEnvelope = createEnvelope(
    channelConnectedV1,
    { tenantId, workspaceId, correlationId: uuidv7() },
    {
      channelId,
      network: 'instagram',
      account: { remoteId: setup.account.id, handle: '@chorus.test', displayName: 'Chorus' },
      avatarUrl: null,
      capabilities: ['inbox'],
      connectedById: uuidv7(),
    },
  );
  const consumer = withCorrelation(service.app.get(ChannelConnectedKafkaConsumer), service.logger);
  await service.serviceDb.withTenant(tenantId, (tx) => consumer.handle(connected as never, tx));
}, 60_000);

afterAll(async () => {
  await service?.app.close();
  await database?.close();
  await connectors?.close();
  await setup?.teardown?.();
});

describe('community webhook intake: interactions completed by the connector', () => {
  it('stores an Instagram mention with its caption and author, read with the channel credentials', async () => {
    const media = setup.fake.world.tag(setup.other, setup.account, '@chorus.test look at this');
    vault = 'answer';

    expect(await post((await setup.fake.flushWebhooks())!)).toBe(200);

    expect(
      await rows(
        `SELECT i.remote_id, i.kind, i.text, c.handle AS author_handle FROM community.interaction i JOIN community.contact c ON c.id = i.contact_id`,
      ),
    ).toEqual([
      {
        remote_id: media,
        kind: 'mention',
        text: '@chorus.test look at this',
        author_handle: 'peer.user',
      },
    ]);
  });

  it('refuses the delivery with 503 while the credentials cannot be read, and stores it once it can', async () => {
    const media = setup.fake.world.tag(setup.other, setup.account, '@chorus.test second look');
    const delivery = (await setup.fake.flushWebhooks())!;
    vault = 'unreachable';

    expect(await post(delivery)).toBe(503);
    expect(await rows(`SELECT id FROM community.interaction WHERE remote_id = '${media}'`)).toEqual([]);
    expect(service.app.get(WebhookIntakeMetrics).value('instagram', 'completion-deferred')).toBe(1);

    vault = 'answer'; // the network delivers it again
    expect(await post(delivery)).toBe(200);
    expect(await rows(`SELECT text FROM community.interaction WHERE remote_id = '${media}'`)).toEqual([
      { text: '@chorus.test second look' },
    ]);
  });

  it('stores a mention as delivered when the channel must reconnect: retrying would not help', async () => {
    const media = setup.fake.world.tag(setup.other, setup.account, '@chorus.test third look');
    vault = 'must-reconnect';

    expect(await post((await setup.fake.flushWebhooks())!)).toBe(200);
    expect(await rows(`SELECT kind FROM community.interaction WHERE remote_id = '${media}'`)).toEqual([
      { kind: 'mention' },
    ]);
    expect(service.app.get(WebhookIntakeMetrics).value('instagram', 'incomplete')).toBe(1);
  });
});
