import type { EventEnvelope } from '@chorus/contracts';
import type { Tx } from '@chorus/persistence';
import type {
  ClaimedAttempt,
  SettleTransition,
} from '../../application/ports/publication-repository.port.js';
import { postFailedEvent, postNeedsReviewEvent, postPublishedEvent } from './publication-events.mapper.js';

/**
 * SET assignments that make a target take the post's newest revision (`pending`, written when the target
 * could not take it at scheduling) where `take` holds, and forget it where `forget` holds (by default the
 * same): only where nothing of the older revision can be out any more. A new revision starts afresh, as
 * scheduling makes it (attempts and the look-up window). Every expression reads the row as it was.
 */
export function takePendingRevision(take: string, forget: string = take): string {
  const takes = `(${take}) AND pending IS NOT NULL`;
  const taken = (column: string, value: string) =>
    `${column} = CASE WHEN ${takes} THEN ${value} ELSE ${column} END`;
  return [
    taken('revision', `(pending->>'revision')::int`),
    taken('payload', `pending->'payload'`),
    taken('due_at', `(pending->>'dueAt')::timestamptz`),
    taken('idempotency_key', `pending->>'idempotencyKey'`),
    taken('fingerprint', `pending->>'fingerprint'`),
    taken('attempts', '0'),
    taken('first_attempt_at', 'NULL'),
    `pending = CASE WHEN ${forget} THEN NULL ELSE pending END`,
  ].join(',\n           ');
}

/** The newest revision's due time, for a target that takes it (see takePendingRevision). */
const PENDING_DUE = `(pending->>'dueAt')::timestamptz`;

/** One attempt's outcome to record. */
export interface Settlement {
  readonly attempt: ClaimedAttempt;
  readonly transition: SettleTransition;
  readonly now: Date;
  /** The attempt called the network: the call ended before its outcome is recorded. */
  readonly callMade: boolean;
}

/**
 * Records the attempts that published, together: one fenced UPDATE for all of them (a burst finishes
 * hundreds a second, and one statement each was most of the publisher's work). Same rules as settleIn;
 * returns, in the given order, whether each applied and the events of those that did.
 */
export async function settlePublishedIn(
  tx: Tx,
  settlements: readonly Settlement[],
): Promise<{ readonly applied: readonly boolean[]; readonly events: readonly EventEnvelope[] }> {
  const published = settlements.map(({ transition }) => {
    if (transition.kind !== 'published') {
      throw new Error(`settlePublishedIn was given a ${transition.kind} outcome`);
    }
    return transition;
  });
  const rows = await tx.query<{ attempt_id: string }>(
    `UPDATE content.publication p
        SET state = 'published', remote_id = a.remote_id, url = a.url, published_at = a.published_at,
            must_look = false, waiting_reason = NULL, reason_code = NULL, reason_message = NULL,
            reason_action = NULL, worker_id = NULL, lease_until = NULL, call_started_at = NULL, pending = NULL,
            updated_at = a.now, attempt_started_at = COALESCE(a.call_at, p.attempt_started_at),
            last_call_ended_at = CASE WHEN a.call_made THEN clock_timestamp() ELSE p.last_call_ended_at END
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::boolean[], $6::text[],
                   $7::text[], $8::timestamptz[])
            AS a(target_id, attempt_id, now, call_at, call_made, remote_id, url, published_at)
      WHERE p.target_id = a.target_id AND p.attempt_id = a.attempt_id AND p.state = 'publishing'
     RETURNING p.attempt_id`,
    [
      settlements.map(({ attempt }) => attempt.targetId),
      settlements.map(({ attempt }) => attempt.attemptId),
      settlements.map(({ now }) => now),
      settlements.map((settlement) => lastCallAt(settlement)),
      settlements.map(({ callMade }) => callMade),
      published.map(({ remoteId }) => remoteId),
      published.map(({ url }) => url),
      published.map(({ publishedAt }) => publishedAt),
    ],
  );
  // By attempt id: a fenced-out attempt of the same target may share the batch.
  const appliedIds = new Set(rows.map((row) => row.attempt_id));
  const applied = settlements.map(({ attempt }) => appliedIds.has(attempt.attemptId));
  const events = settlements.flatMap(({ attempt, now }, index) =>
    applied[index] ? [postPublishedEvent(attempt, published[index]!, now)] : [],
  );
  return { applied, events };
}

/** attempt_started_at's new value: null keeps it (this attempt's call set it); else the last call's start. */
function lastCallAt({ attempt, callMade }: Settlement): Date | null {
  return callMade ? null : (attempt.lastCallAt ?? new Date(0));
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
  const callAt = lastCallAt({ attempt, transition, now, callMade });
  const fence = [attempt.targetId, attempt.attemptId, now, callAt];
  const where = `WHERE target_id = $1 AND attempt_id = $2 AND state = 'publishing'`;
  // A call made by this attempt ended before its outcome is settled: its request can land until then.
  const release = `worker_id = NULL, lease_until = NULL, call_started_at = NULL, updated_at = $3,
    attempt_started_at = COALESCE($4::timestamptz, attempt_started_at)${
      callMade ? ', last_call_ended_at = clock_timestamp()' : ''
    }`;
  // The waiting outcome takes the newest revision when nothing can be out ($7: must look) ...
  const takes = `pending IS NOT NULL AND NOT $7 AND NOT cancel_requested`;
  // ... and is then simply scheduled when its new time is later than the wait.
  const later = `${takes} AND ${PENDING_DUE} > $6`;
  const edited = `pending IS NOT NULL AND NOT cancel_requested`;
  let updated: { attempts: number }[];
  const events: EventEnvelope[] = [];
  switch (transition.kind) {
    case 'published': {
      // One statement for published outcomes, alone or many together.
      const outcome = await settlePublishedIn(tx, [{ attempt, transition, now, callMade }]);
      return { applied: outcome.applied[0]!, events: outcome.events };
    }
    case 'waiting':
      updated = await tx.query(
        // A post taken off the calendar meanwhile: with nothing possibly out, the target is cancelled. An
        // edited one takes its newest revision, and waits for its new time if that is later.
        `UPDATE content.publication
           SET state = CASE WHEN cancel_requested AND NOT $7 THEN 'cancelled'
                            WHEN ${later} THEN 'scheduled' ELSE 'waiting' END,
           waiting_reason = CASE WHEN ${later} THEN NULL ELSE $5 END,
           next_attempt_at = CASE WHEN ${takes} THEN GREATEST($6, ${PENDING_DUE}) ELSE $6 END,
           must_look = $7, failures = CASE WHEN ${takes} THEN 0 ELSE failures + $8 END, reason_code = NULL,
           reason_message = CASE WHEN ${later} THEN NULL ELSE $9 END, reason_action = NULL,
           ${takePendingRevision('NOT $7 AND NOT cancel_requested', 'NOT $7')}, ${release}
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
        // Edited meanwhile: the failure was the older version's; the newest is scheduled instead.
        `UPDATE content.publication
           SET state = CASE WHEN ${edited} THEN 'scheduled' ELSE 'failed' END,
           next_attempt_at = CASE WHEN ${edited} THEN ${PENDING_DUE} ELSE next_attempt_at END,
           failures = CASE WHEN ${edited} THEN 0 ELSE failures END,
           must_look = false, waiting_reason = NULL,
           reason_code = CASE WHEN ${edited} THEN NULL ELSE $5 END,
           reason_message = CASE WHEN ${edited} THEN NULL ELSE $6 END,
           reason_action = CASE WHEN ${edited} THEN NULL ELSE $7 END,
           ${takePendingRevision('NOT cancel_requested', 'true')}, ${release}
         ${where} RETURNING attempts, state`,
        [...fence, transition.code, transition.message, transition.action],
      );
      if ((updated[0] as { state?: string } | undefined)?.state === 'failed') {
        events.push(postFailedEvent(attempt, transition, updated[0]!.attempts, now));
      }
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
        // The attempt made no call, none of its target's is out, and it may not call (refused at its start):
        // the post left the calendar; or it was edited since the claim, and the target takes the newest
        // revision at its time; or (the post put back meanwhile) it is simply due again.
        `UPDATE content.publication
           SET state = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'scheduled' END,
           next_attempt_at = CASE WHEN cancel_requested THEN next_attempt_at
             WHEN pending IS NOT NULL THEN GREATEST($3, ${PENDING_DUE}) ELSE $3 END,
           failures = CASE WHEN cancel_requested THEN failures ELSE 0 END,
           must_look = false, waiting_reason = NULL, reason_code = NULL, reason_message = NULL,
           reason_action = NULL, ${takePendingRevision('true')}, ${release}
         ${where} RETURNING attempts`,
        fence,
      );
      break;
  }
  return updated.length === 0 ? { applied: false, events: [] } : { applied: true, events };
}
