import type { DatabaseConfig } from '@chorus/persistence';
import type { BusLogger } from './logger.js';
import type { RelayOptions } from './relay/outbox-relay.js';

export interface KafkaTuning {
  /** Partitions of topics the bus creates (dead-letter topics included). */
  readonly topicPartitions: number;
  readonly replicationFactor: number;
  /** How long the broker waits for a silent consumer (killed) before handing its partitions to another. */
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly partitionsConsumedConcurrently: number;
  readonly maxBytesPerPartition: number;
}

export const defaultKafkaTuning: KafkaTuning = {
  topicPartitions: 6,
  replicationFactor: 1,
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  partitionsConsumedConcurrently: 3,
  maxBytesPerPartition: 1_048_576,
};

export interface EventBusOptions {
  readonly logger?: BusLogger;
  /**
   * The database the process opened. With PostgreSQL, each relay opens one dedicated session on it for its
   * advisory lock (one active relay per schema across processes) and LISTEN (prompt cross-process wake-up).
   * Without it, or with PGlite, the relay assumes it is the only one and wakes on in-process commits and polls.
   */
  readonly database?: DatabaseConfig;
  readonly relay?: Partial<RelayOptions>;
  readonly kafka?: Partial<KafkaTuning>;
}
