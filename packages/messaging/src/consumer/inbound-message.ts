/** One message as every transport hands it to the consumer pipeline (a Kafka record, or an outbox row). */
export interface InboundMessage {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offset, or the outbox row id in-process. */
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | string | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** Header names shared by every transport. */
export const headerNames = {
  eventId: 'chorus-event-id',
  eventType: 'chorus-event-type',
  eventVersion: 'chorus-event-version',
  deadLetterReason: 'chorus-dead-letter-reason',
  deadLetterDetail: 'chorus-dead-letter-detail',
  deadLetterAttempts: 'chorus-dead-letter-attempts',
  deadLetterGroup: 'chorus-dead-letter-group',
  sourceTopic: 'chorus-source-topic',
  sourcePartition: 'chorus-source-partition',
  sourceOffset: 'chorus-source-offset',
} as const;
