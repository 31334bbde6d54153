import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventBus } from '@chorus/messaging';
import type { Database } from '@chorus/persistence';
import { stopBus } from '../messaging/bus-lifecycle.js';
import { RuntimeState } from './runtime-state.js';
import type { JsonLogger } from '../logging/json-logger.js';
import { EVENT_BUS, SERVICE_LOGGER, SERVICE_RUNTIME_STATE } from './service-kit.tokens.js';

export const RUNTIME_OWNERSHIP = Symbol('chorus:runtime-ownership');

/** Set when this app alone owns the bus and the database (standalone); the embedded host closes them itself. */
export interface RuntimeOwnership {
  readonly database: Database | null;
}

/**
 * Nest's shutdown hooks, in order: readiness turns 503, the bus drains (in-flight batches commit), the HTTP
 * server closes, then the database.
 */
@Injectable()
export class RuntimeLifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(SERVICE_RUNTIME_STATE) private readonly state: RuntimeState,
    @Inject(EVENT_BUS) private readonly bus: EventBus | null,
    @Inject(RUNTIME_OWNERSHIP) private readonly ownership: RuntimeOwnership,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.state.shuttingDown = true;
    this.logger.write('info', 'service stopping', { signal });
    if (this.ownership.database !== null && this.bus !== null) {
      await stopBus(this.bus);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ownership.database !== null) {
      await this.ownership.database.close();
    }
    this.logger.write('info', 'service stopped');
  }
}
