import type { ParseFailureReason } from '@chorus/contracts';
import type { InboundMessage } from './inbound-message.js';

/** The first three come from @chorus/contracts' parseEnvelope (bad JSON is a malformed envelope). */
export type DeadLetterReason = ParseFailureReason | 'non-retriable-error' | 'retries-exhausted';

/** A message the consumer gives up on, kept with its original bytes and the reason. */
export interface DeadLetter {
  readonly group: string;
  readonly message: InboundMessage;
  readonly reason: DeadLetterReason;
  readonly detail: string;
  /** Handler runs before giving up; 0 when the message could not be read. */
  readonly attempts: number;
  readonly eventId: string | null;
  readonly tenantId: string | null;
}

/** Where a transport keeps dead letters. `write` resolves only once they are durable. */
export interface DeadLetterSink {
  write(letters: readonly DeadLetter[]): Promise<void>;
}

/** Details can quote user input; keep them short enough for a Kafka header and a log line. */
export function truncateDetail(detail: string, max = 2000): string {
  return detail.length <= max ? detail : `${detail.slice(0, max - 1)}…`;
}
