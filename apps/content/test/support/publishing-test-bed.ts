import { fileURLToPath } from 'node:url';
import {
  IDENTITY_HEADER,
  generateIdentityKeyPair,
  parseIdentityPrivateKey,
  parseIdentityPublicKey,
  signIdentity,
} from '@chorus/access';
import { ConnectorHost } from '@chorus/connector-host';
import { silentLogger, type Credentials } from '@chorus/connector-sdk';
import { MastodonFake } from '@chorus/connector-mastodon/testing';
import { allContracts, type EventContract, type EventEnvelope } from '@chorus/contracts';
import { createEventBus, type EventBus, type Outbox } from '@chorus/messaging';
import { Database } from '@chorus/persistence';
import { OUTBOX, bootstrapService, type RunningService } from '@chorus/service-kit';
import { createTestDatabase, type TestDatabase } from '@chorus/testing';
import {
  CHANNEL_CREDENTIALS,
  ChannelMustReconnectError,
  PUBLISHER_OPTIONS,
  PUBLISHING_NETWORKS,
  PUBLISH_CONNECTORS,
  PublisherWorker,
  contentService,
  publishConnectorsOf,
  publishingNetworksOf,
  type ChannelCredentials,
  type PublisherOptionsInput,
} from '../../src/index.js';
import { ContentTestService, type Caller } from './content-test-service.js';
import { channelConnected } from './content-fixtures.js';
import { FaultyProxy } from './faulty-proxy.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Short times, so that retries, look-ups and crash recovery happen within a test. */
export const FAST_PUBLISHER: PublisherOptionsInput = {
  pollMs: 50,
  heartbeatMs: 200,
  staleAfterMs: 1_500,
  reconcileEveryMs: 300,
  leaseMs: 30_000,
  // At least the connector host's timeouts below (publish 1.5 s by default, findPublished 5 s).
  credentialsTimeoutMs: 5_000,
  lookupTimeoutMs: 5_000,
  publishTimeoutMs: 5_000,
  leaseMarginMs: 1_000,
  policy: { maxFailures: 4, backoffBaseMs: 200, backoffMaxMs: 1_000, visibilityDelayMs: 400 },
};

/**
 * Channel credentials the way the gateway's vault hands them out, for channels on the Mastodon fake. The
 * gateway's internal API itself is exercised in the end-to-end test; here a channel can also be marked as
 * needing a reconnect.
 */
class VaultCredentials implements ChannelCredentials {
  readonly byChannel = new Map<string, Credentials>();
  readonly mustReconnect = new Set<string>();

  credentialsFor(_tenantId: string, channelId: string): Promise<Credentials> {
    if (this.mustReconnect.has(channelId)) {
      return Promise.reject(new ChannelMustReconnectError('The channel must be reconnected'));
    }
    const found = this.byChannel.get(channelId);
    return found ? Promise.resolve(found) : Promise.reject(new Error('unknown channel'));
  }
}

export interface Instance {
  readonly db: Database;
  readonly bus: EventBus;
  readonly service: RunningService;
  readonly worker: PublisherWorker;
}

/**
 * Content service instances (publishers) on one real PostgreSQL database, the real Mastodon connector in a
 * connector host, a Mastodon fake behind a proxy that can misbehave, and every content event delivered.
 */
export class PublishingTestBed {
  readonly delivered: EventEnvelope[] = [];
  readonly instances: Instance[] = [];
  readonly credentials = new VaultCredentials();
  private readonly keys = generateIdentityKeyPair();

  private constructor(
    readonly database: TestDatabase,
    readonly fake: MastodonFake,
    readonly proxy: FaultyProxy,
    readonly host: ConnectorHost,
  ) {}

  /**
   * `idempotencyTtlSeconds: 0` makes the fake forget Idempotency-Keys at once, so that a blind resend is a
   * duplicate on its record rather than hidden by the network's own protection.
   */
  static async start(
    options: { publishTimeoutMs?: number; idempotencyTtlSeconds?: number } = {},
  ): Promise<PublishingTestBed> {
    const database = await createTestDatabase();
    const fake = await MastodonFake.start(
      options.idempotencyTtlSeconds === undefined
        ? {}
        : { instance: { idempotencyTtlSeconds: options.idempotencyTtlSeconds } },
    );
    const proxy = await FaultyProxy.start(fake.url);
    const host = await ConnectorHost.start({
      root: REPO_ROOT,
      connectors: [{ resolve: '@chorus/connector-mastodon', options: { mediaPollIntervalMs: 5 } }],
      discover: false,
      conditions: ['@chorus/source', 'import', 'default'],
      logger: silentLogger,
      httpTimeoutMs: 5_000,
      callTimeoutMs: { publish: options.publishTimeoutMs ?? 1_500, findPublished: 5_000 },
    });
    if (!host.has('mastodon')) {
      throw new Error(`the Mastodon connector did not load: ${JSON.stringify(host.refused)}`);
    }
    return new PublishingTestBed(database, fake, proxy, host);
  }

  /** One more content process on the same database, with its publisher. */
  async startInstance(options: PublisherOptionsInput = FAST_PUBLISHER): Promise<Instance> {
    const db = await Database.open(this.database.config);
    const bus = createEventBus({ transport: 'in-process' }, { database: this.database.config });
    const service = await bootstrapService(
      contentService,
      {
        database: db,
        bus,
        identityPublicKey: parseIdentityPublicKey(this.keys.publicKeyPem),
        logLevel: 'error',
        logSink: () => undefined,
      },
      {
        providers: [
          { provide: PUBLISH_CONNECTORS, useValue: publishConnectorsOf(this.host) },
          { provide: PUBLISHING_NETWORKS, useValue: publishingNetworksOf(this.host) },
          { provide: CHANNEL_CREDENTIALS, useValue: this.credentials },
          { provide: PUBLISHER_OPTIONS, useValue: options },
        ],
      },
    );
    bus.registerConsumer({
      group: 'publishing-test-observer',
      db: service.serviceDb,
      handlers: allContracts
        .filter((c) => c.source === 'content')
        .map((contract: EventContract<unknown>) => ({
          contract,
          handle: (event: EventEnvelope) => {
            this.delivered.push(event);
            return Promise.resolve();
          },
        })),
    });
    await bus.start();
    const instance = { db, bus, service, worker: service.app.get(PublisherWorker) };
    this.instances.push(instance);
    return instance;
  }

  /** A Mastodon account on the fake, connected to the caller's workspace as `channelId`. */
  async connectChannel(caller: Caller, channelId: string, username: string): Promise<void> {
    const account = this.fake.createAccount(username);
    this.credentials.byChannel.set(channelId, {
      accountId: `${account.id}@${new URL(this.proxy.url).host}`,
      accessToken: this.fake.tokenFor(account.id),
      extra: { instanceUrl: this.proxy.url, clientId: 'chorus', clientSecret: 'secret', username },
    });
    await this.publish(caller.tenantId, [channelConnected(caller, channelId, 'mastodon', `@${username}`)]);
    await this.until(
      async () =>
        (await this.call<{ items: { channelId: string }[] }>(caller, 'GET', '/channels')).body.items,
      (items) => items.some((c) => c.channelId === channelId),
    );
  }

  /** Publishes as another service would: into an outbox, in a transaction; the relay delivers it. */
  async publish(tenantId: string, events: EventEnvelope[]): Promise<void> {
    const first = this.instances[0]!;
    await first.service.serviceDb.withTenant(tenantId, (tx) =>
      first.service.app.get<Outbox>(OUTBOX).add(tx, events),
    );
  }

  /**
   * Creates and schedules a post on the channels; returns its id and target ids by channel. Without a time,
   * it is scheduled an hour ahead and then made due at once: a slow machine cannot push a time "just ahead"
   * into the past before the schedule request is checked.
   */
  async schedule(
    caller: Caller,
    channelIds: readonly string[],
    text: string,
    publishAt?: Date,
  ): Promise<{ postId: string; targets: Map<string, string> }> {
    const scheduled = await this.scheduleAt(
      caller,
      channelIds,
      text,
      publishAt ?? new Date(Date.now() + 3_600_000),
    );
    if (publishAt === undefined) {
      await this.makeDue(scheduled.postId);
    }
    return scheduled;
  }

  /** A statement on the content schema as the service's system role (tests put targets in given states). */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.instances[0]!.service.serviceDb.asSystem((tx) => tx.query<T>(text, params));
  }

  /** The post's scheduled targets are due now by the database's clock. */
  async makeDue(postId: string): Promise<void> {
    await this.instances[0]!.service.serviceDb.asSystem((tx) =>
      tx.query(
        `UPDATE content.publication SET due_at = now(), next_attempt_at = now()
          WHERE post_id = $1 AND state = 'scheduled'`,
        [postId],
      ),
    );
  }

  private async scheduleAt(
    caller: Caller,
    channelIds: readonly string[],
    text: string,
    publishAt: Date,
  ): Promise<{ postId: string; targets: Map<string, string> }> {
    const created = await this.call<{ id: string; targets: { targetId: string; channelId: string }[] }>(
      caller,
      'POST',
      '/posts',
      { text, contentType: 'text', targets: channelIds.map((channelId) => ({ channelId })) },
    );
    if (created.status !== 201) {
      throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    }
    const scheduled = await this.call(caller, 'POST', `/posts/${created.body.id}/schedule`, {
      publishAt: publishAt.toISOString(),
      timeZone: 'Europe/Rome',
    });
    if (scheduled.status !== 200) {
      throw new Error(`schedule: ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
    }
    return {
      postId: created.body.id,
      targets: new Map(created.body.targets.map((t) => [t.channelId, t.targetId])),
    };
  }

  async call<T = Record<string, unknown>>(
    caller: Caller,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: T }> {
    const identity = signIdentity(caller, {
      audience: 'content',
      privateKey: parseIdentityPrivateKey(this.keys.privateKeyPem),
    });
    const response = await this.instances[0]!.service.app.getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: { [IDENTITY_HEADER]: identity },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    return {
      status: response.statusCode,
      body: (response.body === '' ? {} : JSON.parse(response.body)) as T,
    };
  }

  /** The post's targets as the API shows them. */
  async targets(caller: Caller, postId: string): Promise<TargetState[]> {
    const response = await this.call<{ targets: TargetState[] }>(
      caller,
      'GET',
      `/posts/${postId}/publication`,
    );
    return response.body.targets;
  }

  async untilState(caller: Caller, postId: string, states: readonly string[], timeoutMs = 15_000) {
    return this.until(
      () => this.targets(caller, postId),
      (targets) => targets.length > 0 && targets.every((t) => states.includes(t.state)),
      timeoutMs,
    );
  }

  /** POST /api/v1/statuses requests the fake received with this Idempotency-Key (more than one: a resend). */
  postsWithKey(idempotencyKey: string): number {
    return this.fake
      .requests()
      .filter(
        (r) => r.method === 'POST' && r.path === '/api/v1/statuses' && r.idempotencyKey === idempotencyKey,
      ).length;
  }

  /** Statuses on the fake's own record whose text is exactly this (duplicates included). */
  statusesSaying(text: string): number {
    return this.fake.published().filter((status) => status.text === text).length;
  }

  eventsOf(type: string, targetId: string): EventEnvelope[] {
    return this.delivered.filter(
      (e) => e.type === type && (e.payload as { targetId?: string }).targetId === targetId,
    );
  }

  async until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (ok(value) || Date.now() > deadline) {
        return value;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stopInstance(instance: Instance): Promise<void> {
    await instance.bus.stop();
    await instance.service.app.close();
    await instance.db.close();
    this.instances.splice(this.instances.indexOf(instance), 1);
  }

  async stop(): Promise<void> {
    for (const instance of [...this.instances]) {
      await this.stopInstance(instance);
    }
    await this.host.close();
    await this.proxy.close();
    await this.fake.close();
    await this.database.drop();
  }

  static newCaller(): Caller {
    return ContentTestService.newCaller(['content-manager']);
  }
}

export interface TargetState {
  targetId: string;
  channelId: string;
  state: string;
  nextAttemptAt: string | null;
  waitingReason: string | null;
  reason: { code: string | null; message: string; action: string | null } | null;
  attempts: number;
  remoteId: string | null;
  url: string | null;
}
