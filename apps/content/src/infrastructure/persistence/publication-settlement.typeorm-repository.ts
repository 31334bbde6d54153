import type { EventEnvelope } from '@chorus/contracts';
import type { Tx } from '@chorus/persistence';
import type {
  ClaimedAttempt,
  SettleTransition,
} from '../../application/ports/publication-repository.port.js';
import { postFailedEvent, postNeedsReviewEvent, postPublishedEvent } from './publication-events.mapper.js';

/** One attempt's outcome to record. */
export interface Settlement {
  readonly attempt: ClaimedAttempt;
  readonly transition: SettleTransition;
  readonly now: Date;
  /** The attempt called the network: the call ended before its outcome is recorded. */
  readonly callMade: boolean;
}

/**
 * Records one outcome inside the caller's transaction (the service's system role), fenced by the attempt id:
 * nothing changes, and no event is returned, unless this attempt still holds the target. The events are for
 * the caller to add to the outbox under the attempt's tenant, in the same transaction.
 */
export async function settleIn(
  tx: Tx,
  { attempt, transition, now, callMade }: Settlement,
): Promise<{ readonly applied: boolean; readonly events: readonly EventEnvelope[] }> {
  // attempt_started_at: when the last call that may have reached the network started.
  const callAt = callMade ? null : (attempt.lastCallAt ?? new Date(0));
  const fence = [attempt.targetId, attempt.attemptId, now, callAt];
  const where = `WHERE target_id = $1 AND attempt_id = $2 AND state = 'publishing'`;
  // A call made by this attempt ended before its outcome is settled: its request can land until then.
  const release = `worker_id = NULL, lease_until = NULL, call_started_at = NULL, updated_at = $3,
    attempt_started_at = COALESCE($4::timestamptz, attempt_started_at)${
      callMade ? ', last_call_ended_at = clock_timestamp()' : ''
    }`;
  let updated: { attempts: number }[];
  const events: EventEnvelope[] = [];
  switch (transition.kind) {
    case 'published':
      updated = await tx.query(
        `UPDATE content.publication SET state = 'published', remote_id = $5, url = $6, published_at = $7,
           must_look = false, waiting_reason = NULL, reason_code = NULL, reason_message = NULL,
           reason_action = NULL, ${release}
         ${where} RETURNING attempts`,
        [...fence, transition.remoteId, transition.url, transition.publishedAt],
      );
      events.push(postPublishedEvent(attempt, transition, now));
      break;
    case 'waiting':
      updated = await tx.query(
        // A post taken off the calendar meanwhile: with nothing possibly out, the target is cancelled.
        `UPDATE content.publication
           SET state = CASE WHEN cancel_requested AND NOT $7 THEN 'cancelled' ELSE 'waiting' END,
           waiting_reason = $5, next_attempt_at = $6,
           must_look = $7, failures = failures + $8, reason_code = NULL, reason_message = $9,
           reason_action = NULL, ${release}
         ${where} RETURNING attempts`,
        [
          ...fence,
          transition.reason,
          transition.until,
          transition.mustLook,
          transition.failed ? 1 : 0,
          transition.message,
        ],
      );
      break;
    case 'failed':
      updated = await tx.query(
        `UPDATE content.publication SET state = 'failed', must_look = false, waiting_reason = NULL,
           reason_code = $5, reason_message = $6, reason_action = $7, ${release}
         ${where} RETURNING attempts`,
        [...fence, transition.code, transition.message, transition.action],
      );
      events.push(postFailedEvent(attempt, transition, updated[0]?.attempts ?? 1, now));
      break;
    case 'needs-review':
      updated = await tx.query(
        `UPDATE content.publication SET state = 'needs-review', must_look = true, waiting_reason = NULL,
           reason_code = $5, reason_message = $6, reason_action = $7, ${release}
         ${where} RETURNING attempts`,
        [...fence, transition.code, transition.message, transition.action],
      );
      events.push(postNeedsReviewEvent(attempt, transition, now));
      break;
    case 'cancelled':
      updated = await tx.query(
        `UPDATE content.publication SET state = 'cancelled', must_look = false, waiting_reason = NULL,
           reason_code = NULL, reason_message = NULL, reason_action = NULL, ${release}
         ${where} AND cancel_requested RETURNING attempts`,
        fence,
      );
      break;
  }
  return updated.length === 0 ? { applied: false, events: [] } : { applied: true, events };
}
