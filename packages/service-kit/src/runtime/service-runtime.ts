import type { KeyObject } from 'node:crypto';
import type { EventBus } from '@chorus/messaging';
import type { Database } from '@chorus/persistence';
import type { LogSink } from '../logging/log-sink.js';
import type { LogLevel } from '../logging/json-logger.js';

/** What the process gives each service it hosts: shared by six services embedded, owned by one standalone. */
export interface ServiceRuntime {
  readonly database: Database;
  /** null for a service that neither produces nor consumes (the gateway when run alone). */
  readonly bus: EventBus | null;
  readonly identityPublicKey: KeyObject;
  readonly logLevel: LogLevel;
  /** Prepended to each consumer group (the group is the service name): two installations sharing one Kafka. */
  readonly consumerGroupPrefix?: string;
  readonly logSink?: LogSink;
}
