import {
  IDENTITY_HEADER,
  generateIdentityKeyPair,
  parseIdentityPrivateKey,
  parseIdentityPublicKey,
  signIdentity,
  type Role,
} from '@chorus/access';
import { allContracts, uuidv7, type EventContract, type EventEnvelope } from '@chorus/contracts';
import { createEventBus, type EventBus, type Outbox } from '@chorus/messaging';
import { Database } from '@chorus/persistence';
import { OUTBOX, bootstrapService, type RunningService } from '@chorus/service-kit';
import { createTestDatabase, openTestPglite } from '@chorus/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import {
  MEDIA_LIBRARY_OPTIONS,
  PUBLISH_CONNECTORS,
  contentService,
  publishConnectorsOf,
} from '../../src/index.js';
import { testConnectors } from './test-connectors.js';

interface TestDatabase {
  readonly config: Parameters<typeof Database.open>[0];
  drop(): Promise<void>;
}

export interface Caller {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly roles: Role[];
}

export interface Response<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

/**
 * The content service alone on a fresh database (real PostgreSQL, or PGlite in memory), with the in-process bus
 * relaying its outbox, the two test connectors, and an observer recording every content event delivered (and
 * every NotificationRequested content raised).
 */
export class ContentTestService {
  readonly delivered: EventEnvelope[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly db: Database,
    readonly bus: EventBus,
    readonly service: RunningService,
    private readonly privateKeyPem: string,
    private readonly mediaDir: string,
  ) {}

  static async start(
    kind: 'postgres' | 'pglite' = 'postgres',
    extraProviders: Provider[] = [],
  ): Promise<ContentTestService> {
    const mediaDir = await mkdtemp(join(tmpdir(), 'chorus-content-test-media-'));
    const database: TestDatabase =
      kind === 'postgres'
        ? await createTestDatabase()
        : await openTestPglite().then((p) => ({ config: p.config, drop: () => p.drop() }));
    const db = await Database.open(database.config);
    const bus = createEventBus({ transport: 'in-process' }, { database: database.config });
    const keys = generateIdentityKeyPair();
    const service = await bootstrapService(
      contentService,
      {
        database: db,
        bus,
        identityPublicKey: parseIdentityPublicKey(keys.publicKeyPem),
        logLevel: 'warn',
        logSink: () => undefined,
      },
      {
        providers: [
          { provide: PUBLISH_CONNECTORS, useValue: publishConnectorsOf(testConnectors) },
          // Media files of this run in a directory of its own, removed by stop().
          { provide: MEDIA_LIBRARY_OPTIONS, useValue: { storageDir: mediaDir } },
          ...extraProviders,
        ],
      },
    );
    const running = new ContentTestService(database, db, bus, service, keys.privateKeyPem, mediaDir);
    bus.registerConsumer({
      group: 'content-test-observer',
      db: service.serviceDb,
      handlers: allContracts
        // Content's own events, and the notifications it asks the gateway for.
        .filter((c) => c.source === 'content' || c.type === 'NotificationRequested')
        .map((contract: EventContract<unknown>) => ({
          contract,
          handle: (event: EventEnvelope) => {
            running.delivered.push(event);
            return Promise.resolve();
          },
        })),
    });
    await bus.start();
    return running;
  }

  static newCaller(roles: Role[] = ['admin']): Caller {
    return { tenantId: uuidv7(), workspaceId: uuidv7(), userId: uuidv7(), roles };
  }

  async call<T = Record<string, unknown>>(
    caller: Caller,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<Response<T>> {
    const identity = signIdentity(caller, {
      audience: 'content',
      privateKey: parseIdentityPrivateKey(this.privateKeyPem),
    });
    const response = await this.service.app
      .getHttpAdapter()
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

  /** A request with a raw body (an upload) or none, answered as it is (the body as bytes). */
  async send(
    caller: Caller | null,
    method: 'GET' | 'POST',
    url: string,
    body?: { bytes: Buffer; contentType: string },
  ): Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer; json: () => unknown }> {
    const headers: Record<string, string> =
      caller === null
        ? {}
        : {
            [IDENTITY_HEADER]: signIdentity(caller, {
              audience: 'content',
              privateKey: parseIdentityPrivateKey(this.privateKeyPem),
            }),
          };
    if (body !== undefined) {
      headers['content-type'] = body.contentType;
    }
    const response = await this.service.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method, url, headers, ...(body === undefined ? {} : { payload: body.bytes }) });
    return {
      status: response.statusCode,
      headers: response.headers,
      bytes: response.rawPayload,
      json: () => JSON.parse(response.body) as unknown,
    };
  }

  /** Publishes as another service would: into an outbox, in a transaction; the relay delivers it. */
  async publish(tenantId: string, events: EventEnvelope[]): Promise<void> {
    await this.service.serviceDb.withTenant(tenantId, (tx) =>
      this.service.app.get<Outbox>(OUTBOX).add(tx, events),
    );
  }

  async until<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await probe();
      if (ok(value) || Date.now() > deadline) {
        return value;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The number of delivered events once the relay has been quiet for a moment. */
  async settledEventCount(): Promise<number> {
    for (;;) {
      const count = this.delivered.length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      if (this.delivered.length === count) {
        return count;
      }
    }
  }

  async stop(): Promise<void> {
    await this.bus.stop();
    await this.service.app.close();
    await this.db.close();
    await this.database.drop();
    await rm(this.mediaDir, { recursive: true, force: true });
  }
}
