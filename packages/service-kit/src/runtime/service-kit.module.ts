import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Outbox } from '@chorus/messaging';
import type { ServiceDatabase } from '@chorus/persistence';
import { EdgeAccessGuard } from '../access/edge-access.guard.js';
import { SignedIdentityGuard } from '../access/signed-identity.guard.js';
import type { ServiceDefinition } from '../bootstrap/service-definition.js';
import { HealthController } from '../health/health.http-controller.js';
import { Readiness } from '../health/readiness.js';
import type { JsonLogger } from '../logging/json-logger.js';
import { TenantTransactions } from '../transactions/tenant-transactions.js';
import { RUNTIME_OWNERSHIP, RuntimeLifecycle, type RuntimeOwnership } from './runtime-lifecycle.js';
import { RuntimeState } from './runtime-state.js';
import type { ServiceRuntime } from './service-runtime.js';
import {
  EVENT_BUS,
  IDENTITY_PUBLIC_KEY,
  OUTBOX,
  SERVICE_DATABASE,
  SERVICE_LOGGER,
  SERVICE_NAME,
  SERVICE_RUNTIME_STATE,
} from './service-kit.tokens.js';

export interface ServiceKitOptions {
  readonly definition: ServiceDefinition;
  readonly runtime: ServiceRuntime;
  readonly serviceDb: ServiceDatabase;
  readonly logger: JsonLogger;
  readonly state: RuntimeState;
  readonly ownership: RuntimeOwnership;
}

/**
 * Global module: the service's database, outbox, bus, logger, health probes and the access guard (signed identity
 * behind the gateway; bearer tokens at the edge, where the gateway provides EDGE_AUTHENTICATOR).
 */
@Module({})
export class ServiceKitModule {
  static forService(options: ServiceKitOptions): DynamicModule {
    const values: Provider[] = [
      { provide: SERVICE_NAME, useValue: options.definition.name },
      { provide: SERVICE_DATABASE, useValue: options.serviceDb },
      { provide: EVENT_BUS, useValue: options.runtime.bus },
      { provide: OUTBOX, useValue: new Outbox(options.serviceDb) },
      { provide: SERVICE_LOGGER, useValue: options.logger },
      { provide: IDENTITY_PUBLIC_KEY, useValue: options.runtime.identityPublicKey },
      { provide: SERVICE_RUNTIME_STATE, useValue: options.state },
      { provide: RUNTIME_OWNERSHIP, useValue: options.ownership },
    ];
    const guards: Provider[] = [
      {
        provide: APP_GUARD,
        useClass: options.definition.access === 'edge' ? EdgeAccessGuard : SignedIdentityGuard,
      },
    ];
    return {
      module: ServiceKitModule,
      global: true,
      controllers: [HealthController],
      providers: [...values, ...guards, Readiness, TenantTransactions, RuntimeLifecycle],
      exports: [...values.map((p) => (p as { provide: symbol }).provide), TenantTransactions, Readiness],
    };
  }
}
