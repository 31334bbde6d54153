import { randomBytes } from 'node:crypto';
import { generateIdentityKeyPair, parseIdentityPrivateKey, parseIdentityPublicKey } from '@chorus/access';
import { createEventBus, messagingMigrations, Outbox, type EventBus } from '@chorus/messaging';
import { Database, type ServiceDatabase } from '@chorus/persistence';
import { bootstrapService, type RunningService } from '@chorus/service-kit';
import { createTestDatabase, kafkaBrokersForTests, type TestDatabase } from '@chorus/testing';
import type { EventEnvelope } from '@chorus/contracts';
import {
  IDENTITY_SIGNING_KEY,
  TOKEN_VAULT,
  UPSTREAMS,
  VaultKeyRing,
  createTokenVault,
  gatewayService,
} from '../../src/index.js';
import { OUTBOUND_POLICY, PUBLIC_URL } from '../../src/gateway.tokens.js';
import {
  NOTIFICATION_SETTINGS,
  type NotificationSettings,
} from '../../src/notifications/notifications.tokens.js';

export interface GatewayOnKafka {
  readonly url: string;
  readonly gateway: RunningService;
  /** Emits events as another service would: its outbox, relayed to Kafka by the same bus. */
  emit(envelope: EventEnvelope): Promise<void>;
  close(): Promise<void>;
}

/**
 * The gateway on a fresh database of the real PostgreSQL, consuming from the real Kafka broker under a consumer
 * group of its own, with a producing "content" schema whose outbox the bus relays: events travel as in
 * distributed mode.
 */
export async function startGatewayOnKafka(settings: NotificationSettings): Promise<GatewayOnKafka> {
  const testDb: TestDatabase = await createTestDatabase();
  const database = await Database.open(testDb.config);
  const keys = generateIdentityKeyPair();
  const bus: EventBus = createEventBus(
    { transport: 'kafka', brokers: kafkaBrokersForTests(), clientId: 'gateway-notifications-test' },
    { database: testDb.config, kafka: { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000 } },
  );
  const gateway = await bootstrapService(
    gatewayService,
    {
      database,
      bus,
      identityPublicKey: parseIdentityPublicKey(keys.publicKeyPem),
      logLevel: 'warn',
      logSink: () => undefined,
      consumerGroupPrefix: `notifications-${randomBytes(4).toString('hex')}.`,
    },
    {
      providers: [
        { provide: UPSTREAMS, useValue: {} },
        { provide: IDENTITY_SIGNING_KEY, useValue: parseIdentityPrivateKey(keys.privateKeyPem) },
        { provide: NOTIFICATION_SETTINGS, useValue: settings },
        // The test's webhook receiver listens on loopback (ADR 0018).
        { provide: OUTBOUND_POLICY, useValue: { allowPrivateNetworkTargets: true } },
        { provide: PUBLIC_URL, useValue: 'https://chorus.example.test/' },
        // Webhook signing secrets are sealed by the vault (ADR 0013).
        { provide: TOKEN_VAULT, useValue: createTokenVault(VaultKeyRing.generateEntry('k1')) },
      ],
    },
  );
  const content: ServiceDatabase = await database.forService({
    service: 'content',
    entities: [],
    migrations: messagingMigrations('content'),
  });
  await content.migrate();
  bus.registerProducer(content);
  await bus.start();
  const outbox = new Outbox(content);
  const url = await gateway.listen(0, '127.0.0.1');
  return {
    url,
    gateway,
    emit: (envelope) => content.withTenant(envelope.tenantId, (tx) => outbox.add(tx, [envelope])),
    async close() {
      await bus.stop();
      await gateway.app.close();
      await database.close();
      await testDb.drop();
    },
  };
}
