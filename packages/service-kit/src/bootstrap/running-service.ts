import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ServiceDatabase } from '@chorus/persistence';
import type { JsonLogger } from '../logging/json-logger.js';
import type { RuntimeState } from '../runtime/runtime-state.js';

/** A booted service: initialised, registered with the bus, not yet listening. */
export interface RunningService {
  readonly name: string;
  readonly app: NestFastifyApplication;
  readonly serviceDb: ServiceDatabase;
  readonly logger: JsonLogger;
  readonly state: RuntimeState;
  /** Listens on host:port; returns the bound address (port 0 picks a free one). */
  listen(port: number, host: string): Promise<string>;
}
