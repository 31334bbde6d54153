import type { EventEnvelope } from '@chorus/contracts';

/**
 * Marks an error as raised by a handler, as opposed to the consumer's own transaction work (begin, processed
 * mark, commit), and names the event whose handler failed. Only handler errors count against the retry
 * policy and can dead-letter an event: a database outage must delay delivery, never discard good events.
 */
export class HandlerFailure extends Error {
  /** `event` is null when a batch handler failed: any of its events may be the cause. */
  constructor(
    readonly event: EventEnvelope | null,
    readonly original: unknown,
  ) {
    super(original instanceof Error ? original.message : String(original), { cause: original });
    this.name = 'HandlerFailure';
  }
}
