/** One unpublished outbox row, as the relay hands it to a transport. */
export interface OutboxRecord {
  /** Outbox row id (bigserial, as text): the order of the log. */
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  /** The envelope JSON, or the raw bytes of a row written without one. */
  readonly value: string | Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** Where a relay delivers. Resolves with the ids that are safely delivered (all of them, for Kafka). */
export interface OutboxSink {
  /**
   * True when a delivery either takes the whole batch or throws (a remote log): the relay may then read and
   * delete around a delivery in flight. False in-process, where consumers may settle part of a batch.
   */
  readonly pipelined: boolean;
  deliver(records: readonly OutboxRecord[], signal: AbortSignal): Promise<readonly string[]>;
  close(): Promise<void>;
}
