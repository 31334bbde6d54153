import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import {
  WEBHOOK_CONNECTORS,
  communityService,
  webhookConnectorsOf,
  type ConnectorSource,
} from '@chorus/community';
import {
  PUBLISH_CONNECTORS,
  contentService,
  publishConnectorsOf,
  type PublishConnectorSource,
} from '@chorus/content';
import {
  CHANNEL_CONNECTORS,
  INTERNAL_API_TOKEN,
  TOKEN_VAULT,
  createTokenVault,
  gatewayService,
  type ChannelConnectors,
  IDENTITY_SIGNING_KEY,
  NOTIFICATION_SETTINGS,
  PUBLIC_URL,
  SECURITY_HEADERS,
  UPSTREAMS,
} from '@chorus/gateway';
import { createEventBus, type EventBus } from '@chorus/messaging';
import { Database, embeddedDatabaseDir, type DatabaseConfig } from '@chorus/persistence';
import {
  InjectUpstream,
  JsonLogger,
  bootstrapService,
  busLoggerFor,
  stopBus,
  type LogLevel,
  type LogSink,
  type RunningService,
  type ServiceRuntime,
  type Upstream,
} from '@chorus/service-kit';
import { defaultPublicUrl } from '../config/public-url.js';
import { BACKEND_SERVICES } from '../services.js';
import { consoleBuildDir } from './console-assets.js';
import { loadOrCreateIdentityKey } from './identity-key-file.js';
import { loadOrCreateVaultKeys } from './vault-key-file.js';

export interface EmbeddedOptions {
  /** null keeps everything in memory (tests); otherwise created if missing and kept across restarts. */
  readonly dataDir: string | null;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  readonly logSink?: LogSink;
  /** The console's static build; default apps/console/build when it exists. */
  readonly consoleDir?: string;
  /** Loaded connector plugins (a ConnectorHost): the community service's webhook intake verifies with them. */
  readonly connectors?: ConnectorSource & PublishConnectorSource & ChannelConnectors;
  /** CHORUS_VAULT_MASTER_KEYS; unset: a key made once and kept in the data directory (vault-key-file.ts). */
  readonly vaultMasterKeys?: string;
  /** Where people open Chorus (CHORUS_PUBLIC_URL), for links in e-mail; default http://<host>:<port>. */
  readonly publicUrl?: string;
}

export interface EmbeddedHost {
  readonly url: string;
  readonly gateway: RunningService;
  readonly services: readonly RunningService[];
  /** The in-process bus and the embedded database, for tests that watch events end to end. */
  readonly bus: EventBus;
  readonly database: Database;
  /** Graceful: stop taking requests, drain the bus, close the services, close the database. */
  close(): Promise<void>;
}

/**
 * `chorus start`: the gateway and the five services in one process on embedded PostgreSQL (PGlite), events
 * delivered in-process through the same outbox and consumers as in distributed mode. The gateway reaches the
 * services by Fastify injection, without ports (docs/adr/0006-embedded-and-distributed-hosts.md).
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedHost> {
  const log = new JsonLogger({
    service: 'chorus',
    level: options.logLevel,
    ...(options.logSink === undefined ? {} : { sink: options.logSink }),
  });
  const startedAt = Date.now();
  if (options.dataDir !== null) {
    await mkdir(embeddedDatabaseDir(options.dataDir), { recursive: true });
  }
  const keys = await loadOrCreateIdentityKey(options.dataDir);
  const databaseConfig: DatabaseConfig = {
    kind: 'pglite',
    dataDir: options.dataDir === null ? null : embeddedDatabaseDir(options.dataDir),
  };
  const database = await Database.open(databaseConfig, {
    onError: (error) => log.write('error', 'database error', { error }),
  });
  const bus = createEventBus(
    { transport: 'in-process' },
    { logger: busLoggerFor(log), database: databaseConfig },
  );
  const runtime: ServiceRuntime = {
    database,
    bus,
    identityPublicKey: keys.publicKey,
    logLevel: options.logLevel,
    ...(options.logSink === undefined ? {} : { logSink: options.logSink }),
  };

  const services: RunningService[] = [];
  try {
    const webhookConnectors =
      options.connectors === undefined
        ? []
        : [{ provide: WEBHOOK_CONNECTORS, useValue: webhookConnectorsOf(options.connectors) }];
    // The content service validates each post against the manifest of its network's connector.
    const publishConnectors =
      options.connectors === undefined
        ? []
        : [{ provide: PUBLISH_CONNECTORS, useValue: publishConnectorsOf(options.connectors) }];
    for (const definition of BACKEND_SERVICES) {
      const providers =
        definition === communityService
          ? webhookConnectors
          : definition === contentService
            ? publishConnectors
            : [];
      services.push(await bootstrapService(definition, runtime, { providers }));
    }
    const upstreams: Record<string, Upstream> = Object.fromEntries(
      services.map((s) => [s.name, new InjectUpstream(s.name, s.app.getHttpAdapter().getInstance())]),
    );
    const consoleDir = consoleBuildDir(options.consoleDir);
    const publicUrl = options.publicUrl ?? defaultPublicUrl(options.host, options.port);
    const vaultKeys = await loadOrCreateVaultKeys(options.dataDir, options.vaultMasterKeys);
    const gateway = await bootstrapService(gatewayService, runtime, {
      providers: [
        { provide: UPSTREAMS, useValue: upstreams },
        { provide: IDENTITY_SIGNING_KEY, useValue: keys.privateKey },
        // Channel connections (docs/adr/0014): the vault, the connectors, and an internal token for services.
        { provide: TOKEN_VAULT, useValue: createTokenVault(vaultKeys) },
        { provide: INTERNAL_API_TOKEN, useValue: randomBytes(32).toString('base64url') },
        ...(options.connectors === undefined
          ? []
          : [{ provide: CHANNEL_CONNECTORS, useValue: options.connectors }]),
        ...(publicUrl === undefined ? [] : [{ provide: PUBLIC_URL, useValue: publicUrl }]),
        // One machine: a webhook receiver on this machine is reachable over plain http (docs/adr/0015).
        { provide: NOTIFICATION_SETTINGS, useValue: { allowLoopbackHttpWebhooks: true } },
      ],
      configure: (app) => {
        if (consoleDir !== null) {
          app.useStaticAssets({
            root: consoleDir,
            prefix: '/',
            wildcard: false,
            // Fastify's static plugin answers outside Nest's middleware: give its files the edge's headers.
            // @fastify/static 10 hands over the Fastify reply, whose method is `header` (Nest's typing predates it).
            setHeaders: (response) => {
              const reply = response as unknown as { header(name: string, value: string): unknown };
              for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
                reply.header(name, value);
              }
            },
          });
        }
      },
    });
    await bus.start();
    const url = await gateway.listen(options.port, options.host);
    log.write('info', 'Chorus is ready', {
      url,
      dataDir: options.dataDir ?? 'memory',
      console: consoleDir ?? 'not built',
      startupMs: Date.now() - startedAt,
    });

    let closing: Promise<void> | undefined;
    return {
      url,
      gateway,
      services,
      bus,
      database,
      close: () => {
        closing ??= (async () => {
          for (const s of [gateway, ...services]) {
            s.state.shuttingDown = true;
          }
          await gateway.app.close();
          await stopBus(bus);
          for (const s of services) {
            await s.app.close();
          }
          await database.close();
          log.write('info', 'Chorus stopped');
        })();
        return closing;
      },
    };
  } catch (error) {
    for (const s of services) {
      await s.app.close().catch(() => undefined);
    }
    await database.close().catch(() => undefined);
    throw error;
  }
}
