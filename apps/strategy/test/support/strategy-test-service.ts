import {
  IDENTITY_HEADER,
  generateIdentityKeyPair,
  parseIdentityPrivateKey,
  parseIdentityPublicKey,
  signIdentity,
  type Role,
} from '@chorus/access';
import { allContracts, uuidv7, type EventContract, type EventEnvelope } from '@chorus/contracts';
import { createEventBus, type EventBus } from '@chorus/messaging';
import { Database } from '@chorus/persistence';
import { bootstrapService, type RunningService } from '@chorus/service-kit';
import { createTestDatabase, openTestPglite } from '@chorus/testing';
import { strategyService } from '../../src/index.js';

interface TestDatabase {
  readonly config: Parameters<typeof Database.open>[0];
  drop(): Promise<void>;
}

async function inMemoryDatabase(): Promise<TestDatabase> {
  const pglite = await openTestPglite();
  return { config: pglite.config, drop: () => pglite.drop() };
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
  readonly headers: Record<string, unknown>;
  readonly raw: Buffer;
}

/**
 * The strategy service alone on a fresh database of the real PostgreSQL, with the in-process bus relaying its
 * outbox. An observer group records every strategy event the relay delivers, as a consuming service would.
 */
export class StrategyTestService {
  readonly delivered: EventEnvelope[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly db: Database,
    readonly bus: EventBus,
    readonly service: RunningService,
    private readonly privateKeyPem: string,
  ) {}

  /** `postgres`: a fresh database on the real server (distributed mode); `pglite`: in memory (embedded mode). */
  static async start(kind: 'postgres' | 'pglite' = 'postgres'): Promise<StrategyTestService> {
    const database = kind === 'postgres' ? await createTestDatabase() : await inMemoryDatabase();
    const db = await Database.open(database.config);
    const bus = createEventBus({ transport: 'in-process' }, { database: database.config });
    const keys = generateIdentityKeyPair();
    const service = await bootstrapService(strategyService, {
      database: db,
      bus,
      identityPublicKey: parseIdentityPublicKey(keys.publicKeyPem),
      logLevel: 'warn',
      logSink: () => undefined,
    });
    const running = new StrategyTestService(database, db, bus, service, keys.privateKeyPem);
    const strategyContracts = allContracts.filter((c) => c.source === 'strategy');
    bus.registerConsumer({
      group: 'strategy-test-observer',
      db: service.serviceDb,
      handlers: strategyContracts.map((contract: EventContract<unknown>) => ({
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
      audience: 'strategy',
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
    const json = (response.headers['content-type'] ?? '').toString().includes('application/json');
    return {
      status: response.statusCode,
      body: (json && response.body !== '' ? JSON.parse(response.body) : {}) as T,
      headers: response.headers,
      raw: response.rawPayload,
    };
  }

  /** Waits until the relay has delivered the events the predicate looks for. */
  async eventsMatching(predicate: (e: EventEnvelope) => boolean, count: number): Promise<EventEnvelope[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = this.delivered.filter(predicate);
      if (found.length >= count || Date.now() > deadline) {
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The number of delivered events once the relay has been quiet for a moment (earlier work delivered). */
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
  }
}
