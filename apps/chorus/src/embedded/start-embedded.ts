import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  INBOX_CREDENTIALS,
  WEBHOOK_CONNECTORS,
  communityService,
  webhookConnectorsOf,
  type ConnectorSource,
} from '@chorus/community';
import {
  CHANNEL_CREDENTIALS,
  GatewayCredentialsAdapter,
  PUBLISHING_NETWORKS,
  MEDIA_LIBRARY_OPTIONS,
  PUBLISH_CONNECTORS,
  contentService,
  publishConnectorsOf,
  publishingNetworksOf,
  type PublishConnectorSource,
  type PublishingConnectorSource,
} from '@chorus/content';
import {
  CHANNEL_CONNECTORS,
  CONSOLE_DIR,
  INTERNAL_API_TOKEN,
  TOKEN_VAULT,
  createTokenVault,
  gatewayService,
  type ChannelConnectors,
  IDENTITY_SIGNING_KEY,
  MAIL_SETTINGS,
  NOTIFICATION_SETTINGS,
  OUTBOUND_POLICY,
  PUBLIC_URL,
  edgeSecurityHeaders,
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
import { loadOrCreateMediaUrlKey } from './media-key-file.js';

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
  readonly connectors?: ConnectorSource &
    PublishConnectorSource &
    PublishingConnectorSource &
    ChannelConnectors;
  /** CHORUS_VAULT_MASTER_KEYS; unset: a key made once and kept in the data directory (vault-key-file.ts). */
  readonly vaultMasterKeys?: string;
  /** Where people open Chorus (CHORUS_PUBLIC_URL), for links in e-mail; default http://<host>:<port>. */
  readonly publicUrl?: string;
  /** CHORUS_TRUST_PROXY: the reverse proxies whose X-Forwarded-* headers the gateway believes (ADR 0017). */
  readonly trustProxy?: number | readonly string[];
  /** CHORUS_SMTP_URL: mail goes out; unset: the outbox and a file per message under <dataDir>/mail. */
  readonly smtpUrl?: string;
  readonly mailFrom?: string;
  /** CHORUS_SMTP_ALLOW_PLAINTEXT: an smtp:// server without STARTTLS still gets mail. */
  readonly allowPlaintextSmtp?: boolean;
  /** CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS: webhooks to loopback and private addresses (local fakes). */
  readonly allowPrivateNetworkTargets?: boolean;
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
    // Credentials come from the gateway's internal API (up a moment later): the content service's publisher
    // sends posts with them, the community intake completes webhook interactions that carry ids only.
    const internalToken = randomBytes(32).toString('base64url');
    const late: { gateway?: Upstream } = {};
    const lateGateway: Upstream = {
      forward: (request) =>
        late.gateway === undefined
          ? Promise.reject(new Error('the gateway is not started yet'))
          : late.gateway.forward(request),
    };
    const webhookConnectors =
      options.connectors === undefined
        ? []
        : [
            { provide: WEBHOOK_CONNECTORS, useValue: webhookConnectorsOf(options.connectors) },
            {
              provide: INBOX_CREDENTIALS,
              useValue: new GatewayCredentialsAdapter(lateGateway, internalToken, {
                service: 'community',
                purpose: 'complete-webhook-interaction',
              }),
            },
          ];
    // The content service validates each post against the manifest of its network's connector.
    const publishConnectors =
      options.connectors === undefined
        ? []
        : [
            { provide: PUBLISH_CONNECTORS, useValue: publishConnectorsOf(options.connectors) },
            { provide: PUBLISHING_NETWORKS, useValue: publishingNetworksOf(options.connectors) },
            {
              provide: CHANNEL_CREDENTIALS,
              useValue: new GatewayCredentialsAdapter(lateGateway, internalToken),
            },
          ];
    // The media library: files under the data directory, public links signed with a key kept there (ADR 0023).
    const mediaPublicUrl = options.publicUrl ?? defaultPublicUrl(options.host, options.port);
    const mediaLibrary = {
      provide: MEDIA_LIBRARY_OPTIONS,
      useValue: {
        ...(options.dataDir === null ? {} : { storageDir: join(options.dataDir, 'media') }),
        signingKey: await loadOrCreateMediaUrlKey(options.dataDir),
        ...(mediaPublicUrl === undefined ? {} : { publicUrl: `${mediaPublicUrl}/api/content` }),
      },
    };
    for (const definition of BACKEND_SERVICES) {
      const providers =
        definition === communityService
          ? webhookConnectors
          : definition === contentService
            ? [...publishConnectors, mediaLibrary]
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
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
      providers: [
        { provide: UPSTREAMS, useValue: upstreams },
        { provide: IDENTITY_SIGNING_KEY, useValue: keys.privateKey },
        // Channel connections (docs/adr/0014): the vault, the connectors, and an internal token for services.
        { provide: TOKEN_VAULT, useValue: createTokenVault(vaultKeys) },
        { provide: INTERNAL_API_TOKEN, useValue: internalToken },
        ...(options.connectors === undefined
          ? []
          : [{ provide: CHANNEL_CONNECTORS, useValue: options.connectors }]),
        ...(publicUrl === undefined ? [] : [{ provide: PUBLIC_URL, useValue: publicUrl }]),
        // The console's page paths answer with its index.html (apps/gateway/src/console).
        ...(consoleDir === null ? [] : [{ provide: CONSOLE_DIR, useValue: consoleDir }]),
        // One machine: a webhook receiver on this machine may use plain http (docs/adr/0015), once loopback
        // targets are allowed at all (CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS, ADR 0018).
        { provide: NOTIFICATION_SETTINGS, useValue: { allowLoopbackHttpWebhooks: true } },
        {
          provide: OUTBOUND_POLICY,
          useValue: { allowPrivateNetworkTargets: options.allowPrivateNetworkTargets ?? false },
        },
        {
          provide: MAIL_SETTINGS,
          useValue: {
            ...(options.smtpUrl === undefined ? {} : { smtpUrl: options.smtpUrl }),
            ...(options.mailFrom === undefined ? {} : { from: options.mailFrom }),
            allowPlaintextSmtp: options.allowPlaintextSmtp ?? false,
            // Read on the machine with `chorus mail` (ADR 0018).
            ...(options.dataDir === null ? {} : { fileDropDir: join(options.dataDir, 'mail') }),
          },
        },
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
              for (const [name, value] of Object.entries(edgeSecurityHeaders(publicUrl))) {
                reply.header(name, value);
              }
            },
          });
        }
      },
    });
    late.gateway = new InjectUpstream('gateway', gateway.app.getHttpAdapter().getInstance());
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
