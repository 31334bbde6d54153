import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { installCorrelationHooks } from '../http/correlation-hooks.js';
import { JsonLogger } from '../logging/json-logger.js';
import { withCorrelation } from '../messaging/with-correlation.js';
import { RuntimeState } from '../runtime/runtime-state.js';
import { ServiceKitModule } from '../runtime/service-kit.module.js';
import type { ServiceRuntime } from '../runtime/service-runtime.js';
import type { RunningService } from './running-service.js';
import type { ServiceDefinition } from './service-definition.js';

export interface BootstrapOptions {
  /** Run the service's migrations first (idempotent). Default true. */
  readonly migrate?: boolean;
  /**
   * Standalone: this service owns the bus and the database; Nest's shutdown hooks (SIGTERM, SIGINT) drain the
   * bus and close the database. Embedded: false, the host closes them once for all services.
   */
  readonly ownsRuntime?: boolean;
  /** Extra global providers (the gateway's signing key and upstreams). */
  readonly providers?: readonly Provider[];
  /**
   * Which peers are trusted reverse proxies: a hop count, or addresses, CIDR ranges and proxy-addr's names
   * (`loopback`, `linklocal`, `uniquelocal`). Only through them do `request.ip` and `request.protocol` come from
   * X-Forwarded-For / -Proto. Default: none, the socket's peer is the client.
   */
  readonly trustProxy?: number | readonly string[];
  /** Runs before the app initialises: static assets, Fastify plugins. */
  readonly configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Boots one service: schema and migrations, the Nest app on Fastify, bus registration. Used standalone and embedded. */
export async function bootstrapService(
  definition: ServiceDefinition,
  runtime: ServiceRuntime,
  options: BootstrapOptions = {},
): Promise<RunningService> {
  const logger = new JsonLogger({
    service: definition.name,
    level: runtime.logLevel,
    ...(runtime.logSink === undefined ? {} : { sink: runtime.logSink }),
  });
  const serviceDb = await runtime.database.forService({
    service: definition.name,
    entities: [...definition.entities],
    migrations: [...definition.migrations],
  });
  if (options.migrate ?? true) {
    await serviceDb.migrate();
  }

  const state = new RuntimeState();
  const ownsRuntime = options.ownsRuntime ?? false;
  const kit = ServiceKitModule.forService({
    definition,
    runtime,
    serviceDb,
    logger,
    state,
    ownership: { database: ownsRuntime ? runtime.database : null },
  });
  const root = rootModule(kit, definition, options.providers ?? []);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    ...(options.trustProxy === undefined ? {} : { trustProxy: trustProxyOf(options.trustProxy) }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger,
    abortOnError: false,
    // Keeps the exact bytes of JSON and form bodies as `request.rawBody`: webhook signatures are computed over
    // them, and re-serialised JSON differs (docs/adr/0008-webhook-intake.md).
    rawBody: true,
  });
  installCorrelationHooks(app.getHttpAdapter().getInstance(), logger);
  if (ownsRuntime) {
    app.enableShutdownHooks();
  }
  await options.configure?.(app);
  await app.init();

  if (runtime.bus !== null) {
    if (definition.produces) {
      runtime.bus.registerProducer(serviceDb);
    }
    if (definition.consumers.length > 0) {
      runtime.bus.registerConsumer({
        group: `${runtime.consumerGroupPrefix ?? ''}${definition.name}`,
        db: serviceDb,
        handlers: definition.consumers.map((consumer) => withCorrelation(app.get(consumer), logger)),
      });
    }
  }
  logger.write('info', 'service initialised', { migrations: options.migrate ?? true });

  return {
    name: definition.name,
    app,
    serviceDb,
    logger,
    state,
    async listen(port, host) {
      await app.listen(port, host);
      return app.getUrl();
    },
  };
}

/**
 * Addresses and ranges go to proxy-addr as they are. Fastify ignores a bare hop count (it cannot check the
 * immediate peer), so a count becomes "the `hops` nearest addresses are proxies": right only when nothing but
 * those proxies can reach this port (docs/adr/0017).
 */
function trustProxyOf(
  trust: number | readonly string[],
): string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : [...trust];
}

/** Carries the host's extra providers into the service's container. */
@Module({})
class HostProvidedModule {}

function rootModule(
  kit: DynamicModule,
  definition: ServiceDefinition,
  providers: readonly Provider[],
): DynamicModule {
  @Module({})
  class ServiceRootModule {}
  Object.defineProperty(ServiceRootModule, 'name', { value: `${definition.name}RootModule` });
  const extras: DynamicModule = {
    module: HostProvidedModule,
    global: true,
    providers: [...providers],
    exports: providers.map((p) => (typeof p === 'function' ? p : p.provide)),
  };
  return { module: ServiceRootModule, imports: [kit, extras, definition.module] };
}
