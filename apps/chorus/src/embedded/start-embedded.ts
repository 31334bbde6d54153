import { mkdir } from 'node:fs/promises';
import { embeddedDatabaseDir } from '../config/data-dir.js';
import { gatewayService, IDENTITY_SIGNING_KEY, UPSTREAMS } from '@chorus/gateway';
import { createEventBus } from '@chorus/messaging';
import { Database, type DatabaseConfig } from '@chorus/persistence';
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
import { BACKEND_SERVICES } from '../services.js';
import { consoleBuildDir } from './console-assets.js';
import { loadOrCreateIdentityKey } from './identity-key-file.js';

export interface EmbeddedOptions {
  /** null keeps everything in memory (tests); otherwise created if missing and kept across restarts. */
  readonly dataDir: string | null;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  readonly logSink?: LogSink;
  /** The console's static build; default apps/console/build when it exists. */
  readonly consoleDir?: string;
}

export interface EmbeddedHost {
  readonly url: string;
  readonly gateway: RunningService;
  readonly services: readonly RunningService[];
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
    for (const definition of BACKEND_SERVICES) {
      services.push(await bootstrapService(definition, runtime));
    }
    const upstreams: Record<string, Upstream> = Object.fromEntries(
      services.map((s) => [s.name, new InjectUpstream(s.name, s.app.getHttpAdapter().getInstance())]),
    );
    const consoleDir = consoleBuildDir(options.consoleDir);
    const gateway = await bootstrapService(gatewayService, runtime, {
      providers: [
        { provide: UPSTREAMS, useValue: upstreams },
        { provide: IDENTITY_SIGNING_KEY, useValue: keys.privateKey },
      ],
      configure: (app) => {
        if (consoleDir !== null) {
          app.useStaticAssets({ root: consoleDir, prefix: '/', wildcard: false });
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
