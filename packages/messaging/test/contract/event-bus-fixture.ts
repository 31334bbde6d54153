import type { EventBus } from '@chorus/messaging';
import type { ServiceDatabase } from '@chorus/persistence';

/** A dead letter as the contract suite reads it back, from a table or from a topic. */
export interface ObservedDeadLetter {
  readonly reason: string;
  readonly detail: string;
  readonly attempts: number;
  /** The original bytes, as text. */
  readonly value: string | null;
  readonly sourceTopic: string;
}

/**
 * What each transport provides to the shared contract suite. Both databases carry the messaging tables;
 * `consumerDb` also has `consumer.effect` (see support/test-migrations.ts).
 */
export interface EventBusFixture {
  readonly producerDb: ServiceDatabase;
  readonly consumerDb: ServiceDatabase;
  /** A fresh, unstarted bus of this transport on the fixture's databases. */
  createBus(): EventBus;
  /** Puts bytes on the transport as they are, bypassing the outbox's validation (a foreign or broken producer). */
  injectRaw(topic: string, key: string, value: Buffer): Promise<void>;
  deadLetters(group: string): Promise<ObservedDeadLetter[]>;
  dispose(): Promise<void>;
}
