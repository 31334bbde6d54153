import type { EventContract, EventEnvelope } from '@chorus/contracts';
import type { ServiceDatabase, Tx } from '@chorus/persistence';
import type { RetryPolicy } from './consumer/retry-policy.js';
import type { OutboxRelay } from './relay/outbox-relay.js';

/** Applies one event inside the consumer's transaction; everything it writes commits with the processed mark. */
export interface MessageHandler<P> {
  readonly contract: EventContract<P>;
  handle(event: EventEnvelope<P>, tx: Tx): Promise<void>;
  /**
   * Optional, for high-volume consumers: the same effect as `handle` on each event in turn, in fewer
   * statements (one multi-row insert). Called with consecutive new events of this contract and of one tenant,
   * in order. When it throws, the events are retried one at a time, so that the failing one can be isolated.
   */
  handleBatch?(events: readonly EventEnvelope<P>[], tx: Tx): Promise<void>;
}

export interface ConsumerRegistration {
  /** Consumer group: one per reacting service and purpose, e.g. `analytics.kpi-progress`. */
  readonly group: string;
  /** The consuming service's database: its `processed_message` table and effects live there. */
  readonly db: ServiceDatabase;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers of different payload types share a list
  readonly handlers: readonly MessageHandler<any>[];
  readonly retry?: Partial<RetryPolicy>;
}

/** One per process: relays the outboxes of the producing services and runs the consumers. */
export interface EventBus {
  readonly transport: 'in-process' | 'kafka';
  registerProducer(db: ServiceDatabase): OutboxRelay;
  registerConsumer(options: ConsumerRegistration): void;
  start(): Promise<void>;
  /** Finishes the batches in flight, commits them, then disconnects. */
  stop(): Promise<void>;
  /**
   * Whether the bus can take work now: started and not stopped, and on Kafka a broker answers a metadata
   * request within a couple of seconds. Readiness probes ask it; it never throws.
   */
  isReady(): Promise<boolean>;
}
