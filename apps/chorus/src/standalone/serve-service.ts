import { parseIdentityPrivateKey, parseIdentityPublicKey, publicKeyOf } from '@chorus/access';
import {
  INBOX_CREDENTIALS,
  WEBHOOK_CONNECTORS,
  communityService,
  webhookConnectorsOf,
} from '@chorus/community';
import {
  CHANNEL_CREDENTIALS,
  GatewayCredentialsAdapter,
  PUBLISHER_OPTIONS,
  MEDIA_LIBRARY_OPTIONS,
  PUBLISHING_NETWORKS,
  PUBLISH_CONNECTORS,
  contentService,
  publishConnectorsOf,
  publishingNetworksOf,
} from '@chorus/content';
import { IDENTITY_SIGNING_KEY, MAIL_SETTINGS, OUTBOUND_POLICY, PUBLIC_URL, UPSTREAMS } from '@chorus/gateway';
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
import {
  gatewayConfigSchema,
  serviceConfigSchema,
  upstreamUrlOf,
  type ServiceConfig,
} from '../config/service-config.js';
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

/** The media library's settings (docs/adr/0023); without a key, links die with the process and differ per instance. */
function mediaLibraryOf(config: ServiceConfig, log: JsonLogger) {
  if (config.CHORUS_MEDIA_URL_KEY === undefined) {
    log.write(
      'warn',
      'CHORUS_MEDIA_URL_KEY is not set: media and calendar links stop working on restart',
      {},
    );
  }
  return {
    provide: MEDIA_LIBRARY_OPTIONS,
    useValue: {
      ...(config.CHORUS_MEDIA_DIR === undefined ? {} : { storageDir: config.CHORUS_MEDIA_DIR }),
      ...(config.CHORUS_MEDIA_URL_KEY === undefined ? {} : { signingKey: config.CHORUS_MEDIA_URL_KEY }),
      ...(config.CHORUS_PUBLIC_URL === undefined
        ? {}
        : { publicUrl: `${config.CHORUS_PUBLIC_URL}/api/content` }),
    },
  };
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
      : await startConnectorHost(config.CHORUS_CONNECTORS_FILE, process.cwd(), undefined, {
          allowPrivateNetworkTargets: config.CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS,
        });
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
      providers: [
        ...(definition === contentService ? [mediaLibraryOf(config, log)] : []),
        ...(connectors === undefined
          ? []
          : definition === contentService
            ? [
                { provide: PUBLISH_CONNECTORS, useValue: publishConnectorsOf(connectors) },
                // The publisher runs when it can reach the gateway's credentials (docs/publishing.md).
                ...(config.CHORUS_GATEWAY_URL === undefined || config.CHORUS_INTERNAL_TOKEN === undefined
                  ? []
                  : [
                      { provide: PUBLISHING_NETWORKS, useValue: publishingNetworksOf(connectors) },
                      ...(config.CHORUS_PUBLISHER_CONCURRENCY === undefined
                        ? []
                        : [
                            {
                              provide: PUBLISHER_OPTIONS,
                              useValue: { concurrency: config.CHORUS_PUBLISHER_CONCURRENCY },
                            },
                          ]),
                      {
                        provide: CHANNEL_CREDENTIALS,
                        useValue: new GatewayCredentialsAdapter(
                          new HttpUpstream('gateway', config.CHORUS_GATEWAY_URL),
                          config.CHORUS_INTERNAL_TOKEN,
                        ),
                      },
                    ]),
              ]
            : [
                { provide: WEBHOOK_CONNECTORS, useValue: webhookConnectorsOf(connectors) },
                // Interactions that arrive as ids only are read in full with the channel's credentials.
                ...(config.CHORUS_GATEWAY_URL === undefined || config.CHORUS_INTERNAL_TOKEN === undefined
                  ? []
                  : [
                      {
                        provide: INBOX_CREDENTIALS,
                        useValue: new GatewayCredentialsAdapter(
                          new HttpUpstream('gateway', config.CHORUS_GATEWAY_URL),
                          config.CHORUS_INTERNAL_TOKEN,
                          { service: 'community', purpose: 'complete-webhook-interaction' },
                        ),
                      },
                    ]),
              ]),
      ],
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
  if (config.CHORUS_SMTP_URL === undefined) {
    // Loud on purpose: nobody receives a password reset, an invitation or a notification e-mail.
    log.write(
      'error',
      'CHORUS_SMTP_URL is not set: e-mail (password resets, invitations, notifications) stays in the ' +
        'database outbox and reaches nobody; set CHORUS_SMTP_URL=smtps://user:password@host:465 (docs/configuration.md)',
    );
  }
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
      ...(config.CHORUS_TRUST_PROXY === undefined ? {} : { trustProxy: config.CHORUS_TRUST_PROXY }),
      providers: [
        { provide: UPSTREAMS, useValue: upstreams },
        { provide: IDENTITY_SIGNING_KEY, useValue: privateKey },
        ...(config.CHORUS_PUBLIC_URL === undefined
          ? []
          : [{ provide: PUBLIC_URL, useValue: config.CHORUS_PUBLIC_URL }]),
        ...(await gatewayChannelProviders(config, process.cwd())),
        {
          provide: MAIL_SETTINGS,
          useValue: {
            ...(config.CHORUS_SMTP_URL === undefined ? {} : { smtpUrl: config.CHORUS_SMTP_URL }),
            ...(config.CHORUS_MAIL_FROM === undefined ? {} : { from: config.CHORUS_MAIL_FROM }),
            allowPlaintextSmtp: config.CHORUS_SMTP_ALLOW_PLAINTEXT,
          },
        },
        {
          provide: OUTBOUND_POLICY,
          useValue: { allowPrivateNetworkTargets: config.CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS },
        },
      ],
    },
  );
  await bus.start();
  const url = await service.listen(config.PORT, config.HOST);
  log.write('info', 'service ready', { url });
  return service;
}
