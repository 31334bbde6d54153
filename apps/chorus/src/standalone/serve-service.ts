import { parseIdentityPrivateKey, parseIdentityPublicKey, publicKeyOf } from '@chorus/access';
import { WEBHOOK_CONNECTORS, communityService, webhookConnectorsOf } from '@chorus/community';
import { PUBLISH_CONNECTORS, contentService, publishConnectorsOf } from '@chorus/content';
import { IDENTITY_SIGNING_KEY, PUBLIC_URL, UPSTREAMS } from '@chorus/gateway';
import { createEventBus, eventBusConfigFromEnv } from '@chorus/messaging';
import { Database, databaseConfigFromEnv } from '@chorus/persistence';
import {
  HttpUpstream,
  JsonLogger,
  bootstrapService,
  busLoggerFor,
  loadConfig,
  type RunningService,
  type ServiceDefinition,
} from '@chorus/service-kit';
import { startConnectorHost } from '../config/connectors-file.js';
import { gatewayConfigSchema, serviceConfigSchema, upstreamUrlOf } from '../config/service-config.js';
import { BACKEND_SERVICES } from '../services.js';
import { gatewayChannelProviders } from './gateway-channel-providers.js';

/**
 * `chorus serve <service>`: one service in this process against PostgreSQL (DATABASE_URL) and Kafka
 * (KAFKA_BROKERS). Nest's shutdown hooks handle SIGTERM: readiness 503, bus drained, server and database closed.
 */
export async function serveService(
  definition: ServiceDefinition,
  env: NodeJS.ProcessEnv,
): Promise<RunningService> {
  return definition.name === 'gateway' ? serveGateway(definition, env) : serveBackend(definition, env);
}

async function serveBackend(definition: ServiceDefinition, env: NodeJS.ProcessEnv): Promise<RunningService> {
  const config = loadConfig(serviceConfigSchema, env);
  const log = new JsonLogger({ service: definition.name, level: config.LOG_LEVEL });
  const databaseConfig = databaseConfigFromEnv(env);
  const database = await Database.open(databaseConfig, {
    onError: (error) => log.write('error', 'database error', { error }),
  });
  const busConfig = eventBusConfigFromEnv({
    ...env,
    KAFKA_CLIENT_ID: env.KAFKA_CLIENT_ID ?? `chorus-${definition.name}`,
  });
  const bus = createEventBus(busConfig, { logger: busLoggerFor(log), database: databaseConfig });
  // The community service's webhook intake verifies deliveries with the connectors the file lists; the content
  // service validates posts against their manifests.
  const connectors =
    config.CHORUS_CONNECTORS_FILE === undefined ||
    (definition !== communityService && definition !== contentService)
      ? undefined
      : await startConnectorHost(config.CHORUS_CONNECTORS_FILE, process.cwd());
  const service = await bootstrapService(
    definition,
    {
      database,
      bus,
      identityPublicKey: parseIdentityPublicKey(config.CHORUS_IDENTITY_PUBLIC_KEY),
      logLevel: config.LOG_LEVEL,
      consumerGroupPrefix: config.KAFKA_CONSUMER_GROUP_PREFIX,
    },
    {
      ownsRuntime: true,
      providers:
        connectors === undefined
          ? []
          : definition === contentService
            ? [{ provide: PUBLISH_CONNECTORS, useValue: publishConnectorsOf(connectors) }]
            : [{ provide: WEBHOOK_CONNECTORS, useValue: webhookConnectorsOf(connectors) }],
    },
  );
  await bus.start();
  const url = await service.listen(config.PORT, config.HOST);
  log.write('info', 'service ready', { url });
  return service;
}

async function serveGateway(definition: ServiceDefinition, env: NodeJS.ProcessEnv): Promise<RunningService> {
  const config = loadConfig(gatewayConfigSchema, env);
  const log = new JsonLogger({ service: definition.name, level: config.LOG_LEVEL });
  const databaseConfig = databaseConfigFromEnv(env);
  const database = await Database.open(databaseConfig, {
    onError: (error) => log.write('error', 'database error', { error }),
  });
  const privateKey = parseIdentityPrivateKey(config.CHORUS_IDENTITY_PRIVATE_KEY);
  const upstreams = Object.fromEntries(
    BACKEND_SERVICES.map((s) => [s.name, new HttpUpstream(s.name, upstreamUrlOf(config, s.name))]),
  );
  // The gateway consumes the events it writes to the audit log (in-process when KAFKA_BROKERS is unset).
  const bus = createEventBus(
    eventBusConfigFromEnv({ ...env, KAFKA_CLIENT_ID: env.KAFKA_CLIENT_ID ?? 'chorus-gateway' }),
    { logger: busLoggerFor(log), database: databaseConfig },
  );
  const service = await bootstrapService(
    definition,
    {
      database,
      bus,
      identityPublicKey: publicKeyOf(privateKey),
      logLevel: config.LOG_LEVEL,
      consumerGroupPrefix: config.KAFKA_CONSUMER_GROUP_PREFIX,
    },
    {
      ownsRuntime: true,
      providers: [
        { provide: UPSTREAMS, useValue: upstreams },
        { provide: IDENTITY_SIGNING_KEY, useValue: privateKey },
        ...(config.CHORUS_PUBLIC_URL === undefined
          ? []
          : [{ provide: PUBLIC_URL, useValue: config.CHORUS_PUBLIC_URL }]),
        ...(await gatewayChannelProviders(config, process.cwd())),
      ],
    },
  );
  await bus.start();
  const url = await service.listen(config.PORT, config.HOST);
  log.write('info', 'service ready', { url });
  return service;
}
