// One publishing process of the benchmark: the content service as `chorus serve content` runs it (PostgreSQL,
// Kafka, the Mastodon connector in a connector host, credentials from the gateway's internal API), without
// its HTTP port. Sends 'ready' to its parent once its publisher runs. Killed with SIGKILL in the crash scenario.
import { generateIdentityKeyPair, parseIdentityPublicKey } from '@chorus/access';
import { ConnectorHost } from '@chorus/connector-host';
import { silentLogger } from '@chorus/connector-sdk';
import {
  CHANNEL_CREDENTIALS,
  GatewayCredentialsAdapter,
  PUBLISHER_OPTIONS,
  PUBLISHING_NETWORKS,
  PUBLISH_CONNECTORS,
  contentService,
  publishConnectorsOf,
  publishingNetworksOf,
} from '@chorus/content';
import { createEventBus, eventBusConfigFromEnv } from '@chorus/messaging';
import { Database } from '@chorus/persistence';
import { HttpUpstream, bootstrapService } from '@chorus/service-kit';

const env = process.env;
const config = { kind: 'postgres', url: env.DATABASE_URL, poolSize: Number(env.BENCH_POOL_SIZE ?? 20) };
const database = await Database.open(config);
const bus = createEventBus(eventBusConfigFromEnv({ ...env, KAFKA_CLIENT_ID: 'chorus-bench-publisher' }), {
  database: config,
});
const connectors = await ConnectorHost.start({
  root: env.BENCH_ROOT,
  discover: false,
  logger: silentLogger,
  httpTimeoutMs: 10_000,
  callTimeoutMs: { publish: 20_000 },
  connectors: [{ resolve: '@chorus/connector-mastodon', options: {} }],
});
const options = {
  concurrency: Number(env.BENCH_CONCURRENCY ?? 1000),
  batchSize: 200,
  pollMs: 100,
  staleAfterMs: Number(env.BENCH_STALE_MS ?? 15_000),
  heartbeatMs: Number(env.BENCH_HEARTBEAT_MS ?? 3_000),
  reconcileEveryMs: 2_000,
  // The connector host's timeouts above: a killed publisher's started call is freed when these have passed.
  credentialsTimeoutMs: 10_000,
  lookupTimeoutMs: 60_000,
  publishTimeoutMs: 20_000,
  leaseMarginMs: 5_000,
  // A request may land on the network a while after its call gave up (queued at the network's edge): the
  // look-up's "not found" is believed 5 s after the call ended (production: 20 s).
  policy: { visibilityDelayMs: 5_000, backoffBaseMs: 1_000 },
};
await bootstrapService(
  contentService,
  {
    database,
    bus,
    identityPublicKey: parseIdentityPublicKey(generateIdentityKeyPair().publicKeyPem),
    logLevel: 'error',
    // Its own consumer groups: the broker may be shared (the test suite's).
    consumerGroupPrefix: env.BENCH_GROUP_PREFIX,
  },
  {
    ownsRuntime: true,
    providers: [
      { provide: PUBLISH_CONNECTORS, useValue: publishConnectorsOf(connectors) },
      { provide: PUBLISHING_NETWORKS, useValue: publishingNetworksOf(connectors) },
      {
        provide: CHANNEL_CREDENTIALS,
        useValue: new GatewayCredentialsAdapter(
          new HttpUpstream('gateway', env.BENCH_GATEWAY_URL),
          env.CHORUS_INTERNAL_TOKEN,
        ),
      },
      { provide: PUBLISHER_OPTIONS, useValue: options },
    ],
  },
);
// The publisher runs from here on (it starts with the application). Joining the consumer groups can wait out a
// killed predecessor's session on the broker; the publisher does not need them, so it is ready now.
process.send?.('ready');
await bus.start();
