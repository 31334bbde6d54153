import { Inject, Injectable, Optional } from '@nestjs/common';
import { fingerprintPost } from '@chorus/connector-sdk';
import type { EventEnvelope } from '@chorus/contracts';
import type { Outbox } from '@chorus/messaging';
import type { Tx } from '@chorus/persistence';
import { OUTBOX, SERVICE_LOGGER, TenantTransactions, type JsonLogger } from '@chorus/service-kit';
import type {
  ClaimedAttempt,
  PublicationPayload,
  PublicationRepository,
  PublicationView,
  SettleTransition,
} from '../../application/ports/publication-repository.port.js';
import type {
  PublicationState,
  WaitingReason,
} from '../../domain/publishing/publication-state.value-object.js';
import { postInputOf } from '../../domain/schedule-checks.value-object.js';
import { MicroBatcher } from '../../shared/micro-batcher.js';
import { postPublishedEvent } from './publication-events.mapper.js';
import {
  settleIn,
  settlePublishedIn,
  takePendingRevision,
  type Settlement,
} from './publication-settlement.typeorm-repository.js';

type Instant = Date | string;

const CLOCK_OFFSET_TTL_MS = 1_000;
const BATCH_SIZE = 100;

interface ClaimRow {
  target_id: string;
  tenant_id: string;
  workspace_id: string;
  post_id: string;
  channel_id: string;
  network: string;
  payload: PublicationPayload;
  idempotency_key: string;
  fingerprint: string;
  attempt_id: string;
  failures: number;
  first_attempt_at: Instant;
  looked_before: boolean;
  previous_started_at: Instant | null;
  last_call_ended_at: Instant | null;
  cancel_requested: boolean;
  superseded: boolean;
}

interface ViewRow {
  target_id: string;
  post_id: string;
  channel_id: string;
  network: string;
  state: PublicationState;
  due_at: Instant;
  next_attempt_at: Instant;
  waiting_reason: WaitingReason | null;
  reason_code: string | null;
  reason_message: string | null;
  reason_action: string | null;
  attempts: number;
  remote_id: string | null;
  url: string | null;
  published_at: Instant | null;
  updated_at: Instant;
  paused: boolean;
}

const VIEW_COLUMNS = `p.target_id, p.post_id, p.channel_id, p.network, p.state, p.due_at, p.next_attempt_at,
  p.waiting_reason, p.reason_code, p.reason_message, p.reason_action, p.attempts, p.remote_id, p.url,
  p.published_at, p.updated_at,
  EXISTS (SELECT 1 FROM content.publishing_pause x WHERE x.workspace_id = p.workspace_id) AS paused`;

/**
 * The publishing engine's tables. Claims and recoveries are cross-tenant (the service's system role); every
 * transition of an attempt is fenced by its attempt id and writes its event to the outbox in the same
 * transaction. No transaction here ever spans a network call.
 */
@Injectable()
export class PublicationTypeormRepository implements PublicationRepository {
  /** Attempts that start their calls, or finish, in the same turn of the event loop share a transaction. */
  private readonly callStarts = new MicroBatcher(
    (batch: readonly { attempt: ClaimedAttempt; leaseMs: number }[]) => this.startCalls(batch),
    BATCH_SIZE,
  );
  private readonly settlements = new MicroBatcher(
    (batch: readonly Settlement[]) => this.settleBatch(batch),
    BATCH_SIZE,
  );
  /** How far the database's clock is ahead of this process's, and when that was read. */
  private clockOffset: { ms: number; readAt: number } | undefined;
  private readingOffset: Promise<number> | undefined;

  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(OUTBOX) private readonly outbox: Outbox,
    @Optional() @Inject(SERVICE_LOGGER) private readonly logger?: JsonLogger,
  ) {}

  async registerInstance(instanceId: string): Promise<void> {
    // The database's clock, never the process's: staleness is judged by other processes against it.
    await this.transactions.asSystem((tx) =>
      tx.query(
        `INSERT INTO content.publisher_instance (instance_id, started_at, heartbeat_at)
         VALUES ($1, clock_timestamp(), clock_timestamp())
         ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at`,
        [instanceId],
      ),
    );
  }

  async heartbeat(instanceId: string): Promise<void> {
    await this.registerInstance(instanceId);
  }

  async removeInstance(instanceId: string): Promise<void> {
    await this.transactions.asSystem((tx) =>
      tx.query(`DELETE FROM content.publisher_instance WHERE instance_id = $1`, [instanceId]),
    );
  }

  async databaseNow(): Promise<Date> {
    // Every attempt asks; the clocks drift apart slowly, so the offset is read at most once a second and
    // shared by the attempts that ask while it is being read.
    const known = this.clockOffset;
    if (known !== undefined && Date.now() - known.readAt < CLOCK_OFFSET_TTL_MS) {
      return new Date(Date.now() + known.ms);
    }
    this.readingOffset ??= this.readClockOffset().finally(() => {
      this.readingOffset = undefined;
    });
    return new Date(Date.now() + (await this.readingOffset));
  }

  private async readClockOffset(): Promise<number> {
    const before = Date.now();
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<{ now: Instant }>(`SELECT clock_timestamp() AS now`),
    );
    const after = Date.now();
    const ms = new Date(rows[0]!.now).getTime() - (before + after) / 2;
    this.clockOffset = { ms, readAt: after };
    return ms;
  }

  async claimDue(workerId: string, limit: number, leaseMs: number): Promise<ClaimedAttempt[]> {
    // No call is out yet: must_look and attempt_started_at (the last call's start) change only in startCall.
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<ClaimRow>(
        `WITH due AS (
           SELECT p.target_id, p.must_look AS looked_before, p.attempt_started_at AS previous_started_at
             FROM content.publication p
            WHERE p.state IN ('scheduled', 'waiting') AND p.next_attempt_at <= now()
              AND NOT EXISTS (SELECT 1 FROM content.publishing_pause x WHERE x.workspace_id = p.workspace_id)
            ORDER BY p.next_attempt_at
            LIMIT $1
            FOR UPDATE OF p SKIP LOCKED)
         UPDATE content.publication p
            SET state = 'publishing', attempt_id = gen_random_uuid(), attempts = p.attempts + 1,
                call_started_at = NULL, first_attempt_at = COALESCE(p.first_attempt_at, now()),
                worker_id = $2, lease_until = now() + $3::bigint * interval '1 millisecond', updated_at = now()
           FROM due
          WHERE p.target_id = due.target_id
         RETURNING p.target_id, p.tenant_id, p.workspace_id, p.post_id, p.channel_id, p.network, p.payload,
                   p.idempotency_key, p.fingerprint, p.attempt_id, p.failures, p.first_attempt_at,
                   p.cancel_requested, p.last_call_ended_at, due.looked_before, due.previous_started_at,
                   p.pending IS NOT NULL AS superseded`,
        [limit, workerId, leaseMs],
      ),
    );
    return rows.map((row) => ({
      targetId: row.target_id,
      tenantId: row.tenant_id,
      workspaceId: row.workspace_id,
      postId: row.post_id,
      channelId: row.channel_id,
      network: row.network,
      payload: row.payload,
      idempotencyKey: row.idempotency_key,
      fingerprint: row.fingerprint,
      attemptId: row.attempt_id,
      failures: row.failures,
      firstAttemptAt: new Date(row.first_attempt_at),
      mustLook: row.looked_before,
      lastCallAt:
        row.looked_before && row.previous_started_at !== null ? new Date(row.previous_started_at) : null,
      lastCallEndedAt:
        row.looked_before && row.last_call_ended_at !== null ? new Date(row.last_call_ended_at) : null,
      cancelRequested: row.cancel_requested,
      superseded: row.superseded,
    }));
  }

  startCall(attempt: ClaimedAttempt, leaseMs: number): Promise<boolean> {
    return this.callStarts.add({ attempt, leaseMs });
  }

  /**
   * The fence right before the network, for the attempts about to call together: from this commit on a call
   * may be out, so each row must be looked up (must_look) and nobody may take it over before the call can no
   * longer land (the lease). An attempt whose row did not match (taken over, cancelled, or edited since its
   * claim) makes no call.
   */
  private async startCalls(
    batch: readonly { attempt: ClaimedAttempt; leaseMs: number }[],
  ): Promise<PromiseSettledResult<boolean>[]> {
    const started = new Set<string>();
    await this.transactions.asSystem(async (tx) => {
      for (const leaseMs of new Set(batch.map((call) => call.leaseMs))) {
        const calls = batch.filter((call) => call.leaseMs === leaseMs);
        const rows = await tx.query<{ attempt_id: string }>(
          `UPDATE content.publication p
              SET call_started_at = clock_timestamp(), attempt_started_at = clock_timestamp(), must_look = true,
                  lease_until = clock_timestamp() + $3::bigint * interval '1 millisecond',
                  updated_at = clock_timestamp()
             FROM unnest($1::uuid[], $2::uuid[]) AS a(target_id, attempt_id)
            WHERE p.target_id = a.target_id AND p.attempt_id = a.attempt_id AND p.state = 'publishing'
              AND NOT p.cancel_requested AND p.pending IS NULL
           RETURNING p.attempt_id`,
          [calls.map((call) => call.attempt.targetId), calls.map((call) => call.attempt.attemptId), leaseMs],
        );
        for (const row of rows) {
          started.add(row.attempt_id);
        }
      }
    });
    return batch.map(({ attempt }) => ({ status: 'fulfilled', value: started.has(attempt.attemptId) }));
  }

  async recoverOrphans(staleAfterMs: number, visibilityDelayMs: number): Promise<number> {
    // Before its call, an attempt whose worker stopped beating (or whose lease ran out) goes back at once: its
    // call can no longer start (startCall is fenced). Once its call started, only the lease frees it, and it
    // is looked up, never resent blindly: its call counts as ended now (past its lease it cannot be running),
    // and a look-up's "not found" is believed only a visibility delay after that.
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<{ target_id: string }>(
        `UPDATE content.publication p
            SET state = 'waiting',
                waiting_reason = CASE WHEN p.must_look THEN 'checking' ELSE 'retry' END,
                next_attempt_at = CASE
                  WHEN p.call_started_at IS NULL AND NOT p.must_look AND p.pending IS NOT NULL
                    THEN GREATEST(now(), (p.pending->>'dueAt')::timestamptz)
                  WHEN p.call_started_at IS NULL THEN now()
                  ELSE now() + $2::bigint * interval '1 millisecond' END,
                ${takePendingRevision('p.call_started_at IS NULL AND NOT p.must_look')},
                last_call_ended_at = CASE WHEN p.call_started_at IS NULL THEN p.last_call_ended_at ELSE now() END,
                worker_id = NULL, lease_until = NULL, call_started_at = NULL, updated_at = now(),
                reason_code = NULL, reason_action = NULL,
                reason_message = CASE WHEN p.must_look
                  THEN 'The publisher handling this post stopped; checking whether it went out'
                  ELSE 'The publisher handling this post stopped before sending it; trying again' END
          WHERE p.state = 'publishing'
            AND (p.lease_until < now()
                 OR (p.call_started_at IS NULL AND NOT EXISTS (
                       SELECT 1 FROM content.publisher_instance i
                        WHERE i.instance_id = p.worker_id
                          AND i.heartbeat_at >= now() - $1::bigint * interval '1 millisecond')))
         RETURNING p.target_id`,
        [staleAfterMs, visibilityDelayMs],
      ),
    );
    await this.transactions.asSystem((tx) =>
      tx.query(
        `DELETE FROM content.publisher_instance
          WHERE heartbeat_at < now() - $1::bigint * interval '1 millisecond'`,
        [staleAfterMs],
      ),
    );
    return rows.length;
  }

  settle(
    attempt: ClaimedAttempt,
    transition: SettleTransition,
    now: Date,
    options: { readonly callMade: boolean } = { callMade: true },
  ): Promise<boolean> {
    return this.settlements.add({ attempt, transition, now, callMade: options.callMade });
  }

  /**
   * The outcomes of attempts that finished together, in one transaction: every update first (system role),
   * then each tenant's events. Should the shared transaction fail, each outcome is recorded on its own, so
   * that one bad row does not hold up the others.
   */
  private async settleBatch(batch: readonly Settlement[]): Promise<PromiseSettledResult<boolean>[]> {
    if (batch.length > 1) {
      try {
        return await this.transactions.asSystem(async (tx) => {
          const applied = new Array<boolean>(batch.length);
          const events: { tenantId: string; events: readonly EventEnvelope[] }[] = [];
          // Published outcomes (nearly all of a burst) in one statement; the others one by one.
          const published = batch.flatMap((settlement, index) =>
            settlement.transition.kind === 'published' ? [index] : [],
          );
          if (published.length > 0) {
            const outcome = await settlePublishedIn(
              tx,
              published.map((index) => batch[index]!),
            );
            published.forEach((index, at) => {
              applied[index] = outcome.applied[at]!;
            });
            const appliedAttempts = published.filter((index) => applied[index]);
            outcome.events.forEach((event, at) => {
              events.push({ tenantId: batch[appliedAttempts[at]!]!.attempt.tenantId, events: [event] });
            });
          }
          for (const [index, settlement] of batch.entries()) {
            if (settlement.transition.kind !== 'published') {
              const outcome = await settleIn(tx, settlement);
              applied[index] = outcome.applied;
              events.push({ tenantId: settlement.attempt.tenantId, events: outcome.events });
            }
          }
          const byTenant = new Map<string, EventEnvelope[]>();
          for (const { tenantId, events: ofAttempt } of events) {
            if (ofAttempt.length > 0) {
              byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), ...ofAttempt]);
            }
          }
          for (const [tenantId, ofTenant] of byTenant) {
            await tx.setTenant(tenantId);
            await this.outbox.add(tx, ofTenant);
          }
          return applied.map((value) => ({ status: 'fulfilled' as const, value }));
        });
      } catch (error) {
        // Recorded one by one below; an outcome that still fails rejects only its own caller.
        this.logger?.write('warn', 'a batch of publishing outcomes failed; recording them one by one', {
          error,
          size: batch.length,
        });
      }
    }
    return Promise.allSettled(batch.map((settlement) => this.settleOne(settlement)));
  }

  private settleOne(settlement: Settlement): Promise<boolean> {
    return this.transactions.asSystem(async (tx) => {
      const { applied, events } = await settleIn(tx, settlement);
      if (events.length > 0) {
        await tx.setTenant(settlement.attempt.tenantId);
        await this.outbox.add(tx, events);
      }
      return applied;
    });
  }

  async listForPost(
    tenantId: string,
    workspaceId: string,
    postId: string,
    now: Date,
  ): Promise<PublicationView[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<ViewRow>(
        `SELECT ${VIEW_COLUMNS} FROM content.publication p
          WHERE p.post_id = $1 AND p.workspace_id = $2 AND p.state <> 'cancelled'
          ORDER BY p.network, p.channel_id`,
        [postId, workspaceId],
      ),
    );
    return rows.map((row) => toView(row, now));
  }

  async find(
    tenantId: string,
    workspaceId: string,
    targetId: string,
    now: Date,
  ): Promise<PublicationView | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<ViewRow>(
        `SELECT ${VIEW_COLUMNS} FROM content.publication p WHERE p.target_id = $1 AND p.workspace_id = $2`,
        [targetId, workspaceId],
      ),
    );
    return rows[0] === undefined ? null : toView(rows[0], now);
  }

  async retry(
    tenantId: string,
    workspaceId: string,
    targetId: string,
    expected: PublicationState,
    now: Date,
  ): Promise<boolean> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query(
        // A person says nothing is out: an edit made meanwhile is what goes (at its own time if later).
        `UPDATE content.publication
           SET state = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'scheduled' END,
           next_attempt_at = CASE WHEN pending IS NULL THEN $4
             ELSE GREATEST($4, (pending->>'dueAt')::timestamptz) END,
           failures = 0, must_look = false, waiting_reason = NULL, reason_code = NULL, reason_message = NULL,
           reason_action = NULL, updated_at = $4, ${takePendingRevision('true')}
         WHERE target_id = $1 AND workspace_id = $2 AND state = $3
         RETURNING target_id`,
        [targetId, workspaceId, expected, now],
      ),
    );
    return rows.length > 0;
  }

  async resolvePublished(
    tenantId: string,
    workspaceId: string,
    targetId: string,
    remote: { remoteId: string; url: string; publishedAt: Date },
    now: Date,
  ): Promise<boolean> {
    return this.transactions.run(tenantId, async (tx) => {
      const rows = await tx.query<ClaimRow & { payload: PublicationPayload }>(
        `UPDATE content.publication SET state = 'published', remote_id = $3, url = $4, published_at = $5,
           must_look = false, waiting_reason = NULL, reason_code = NULL, reason_message = NULL,
           reason_action = NULL, pending = NULL, updated_at = $6
         WHERE target_id = $1 AND workspace_id = $2 AND state = 'needs-review'
         RETURNING target_id, tenant_id, workspace_id, post_id, channel_id, network, payload`,
        [targetId, workspaceId, remote.remoteId, remote.url, remote.publishedAt, now],
      );
      const row = rows[0];
      if (row === undefined) {
        return false;
      }
      await this.outbox.add(tx, [postPublishedEvent(refOf(row), remote, now)]);
      return true;
    });
  }
}

/**
 * Called in the transaction that stores a scheduled post: each target's publication follows the post's
 * newest revision, unless an attempt may already be out (must_look) or it is published or being published.
 * Targets the post no longer has are cancelled on the same terms.
 */
export async function schedulePublications(tx: Tx, scheduled: readonly EventEnvelope[]): Promise<void> {
  const byPost = new Map<string, EventEnvelope<PublicationPayload>[]>();
  for (const envelope of scheduled as EventEnvelope<PublicationPayload>[]) {
    byPost.set(envelope.payload.postId, [...(byPost.get(envelope.payload.postId) ?? []), envelope]);
  }
  for (const [postId, envelopes] of byPost) {
    for (const { tenantId, workspaceId, payload } of envelopes) {
      const revision = {
        revision: payload.revision,
        payload,
        dueAt: new Date(payload.scheduledFor).toISOString(),
        idempotencyKey: `${payload.targetId}:r${payload.revision}`,
        fingerprint: fingerprintOf(payload),
      };
      await tx.query(
        `INSERT INTO content.publication (target_id, tenant_id, workspace_id, post_id, channel_id, network,
           revision, payload, due_at, next_attempt_at, state, idempotency_key, fingerprint, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $9, 'scheduled', $10, $11, $12)
         ON CONFLICT (target_id) DO UPDATE SET revision = EXCLUDED.revision, payload = EXCLUDED.payload,
           due_at = EXCLUDED.due_at, next_attempt_at = EXCLUDED.next_attempt_at, state = 'scheduled',
           idempotency_key = EXCLUDED.idempotency_key, fingerprint = EXCLUDED.fingerprint, failures = 0,
           attempts = 0, first_attempt_at = NULL, waiting_reason = NULL, reason_code = NULL,
           reason_message = NULL, reason_action = NULL, pending = NULL, updated_at = EXCLUDED.updated_at
         WHERE content.publication.state IN ('scheduled', 'waiting', 'failed', 'cancelled')
           AND content.publication.must_look = false`,
        [
          payload.targetId,
          tenantId,
          workspaceId,
          postId,
          payload.channelId,
          payload.network,
          payload.revision,
          JSON.stringify(payload),
          new Date(payload.scheduledFor),
          revision.idempotencyKey,
          revision.fingerprint,
          new Date(),
        ],
      );
      // A target that could not take it (being sent, or an earlier call may be out) keeps the newest
      // revision aside; it takes it once nothing of the older one can be out (settlement, look-up, review).
      await tx.query(
        `UPDATE content.publication SET pending = $2::jsonb, updated_at = $3
          WHERE target_id = $1 AND state NOT IN ('published', 'cancelled')
            AND (state IN ('publishing', 'needs-review') OR must_look)
            AND revision < $4 AND COALESCE((pending->>'revision')::int, 0) < $4`,
        [payload.targetId, JSON.stringify(revision), new Date(), payload.revision],
      );
    }
    await tx.query(
      `UPDATE content.publication SET state = 'cancelled', updated_at = $3
        WHERE post_id = $1 AND NOT (target_id = ANY($2::uuid[])) AND must_look = false
          AND state IN ('scheduled', 'waiting', 'failed')`,
      [postId, envelopes.map((e) => e.payload.targetId), new Date()],
    );
    await requestCancel(
      tx,
      postId,
      envelopes.map((e) => e.payload.targetId),
    );
    // Targets the post still has are wanted again.
    await tx.query(
      `UPDATE content.publication SET cancel_requested = false
        WHERE post_id = $1 AND target_id = ANY($2::uuid[]) AND cancel_requested`,
      [postId, envelopes.map((e) => e.payload.targetId)],
    );
  }
}

/** The post left the calendar: its targets not yet sent (and not possibly out) will not be. */
export async function cancelPublications(tx: Tx, postId: string): Promise<void> {
  await tx.query(
    `UPDATE content.publication SET state = 'cancelled', updated_at = $2
      WHERE post_id = $1 AND must_look = false AND state IN ('scheduled', 'waiting', 'failed')`,
    [postId, new Date()],
  );
  await requestCancel(tx, postId, []);
}

/**
 * The targets that could not be cancelled at once (being sent, or an earlier call may be out) are marked:
 * their attempt never publishes them, and they are cancelled once nothing of theirs can be out.
 */
async function requestCancel(tx: Tx, postId: string, keep: readonly string[]): Promise<void> {
  await tx.query(
    `UPDATE content.publication SET cancel_requested = true, updated_at = $3
      WHERE post_id = $1 AND NOT (target_id = ANY($2::uuid[]))
        AND state IN ('scheduled', 'waiting', 'failed', 'publishing', 'needs-review')`,
    [postId, keep, new Date()],
  );
}

function fingerprintOf(payload: PublicationPayload): string {
  return fingerprintPost(postInputOf(payload, []));
}

function refOf(
  row: Pick<
    ClaimRow,
    'tenant_id' | 'workspace_id' | 'post_id' | 'target_id' | 'channel_id' | 'network' | 'payload'
  >,
) {
  return {
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    postId: row.post_id,
    targetId: row.target_id,
    channelId: row.channel_id,
    network: row.network,
    payload: row.payload,
  };
}

function toView(row: ViewRow, now: Date): PublicationView {
  const nextAttemptAt = new Date(row.next_attempt_at);
  const due = row.state === 'scheduled' || row.state === 'waiting';
  const held = row.paused && due && nextAttemptAt.getTime() <= now.getTime();
  const state = held ? 'held' : row.state;
  return {
    targetId: row.target_id,
    postId: row.post_id,
    channelId: row.channel_id,
    network: row.network,
    state,
    dueAt: new Date(row.due_at),
    nextAttemptAt: row.state === 'waiting' || held ? nextAttemptAt : null,
    waitingReason: held ? 'paused' : row.state === 'waiting' ? row.waiting_reason : null,
    reason: held
      ? {
          code: 'paused',
          message: 'Publishing is paused for this workspace',
          action: 'It goes out when someone resumes publishing.',
        }
      : row.reason_message === null
        ? null
        : { code: row.reason_code, message: row.reason_message, action: row.reason_action },
    attempts: row.attempts,
    remoteId: row.remote_id,
    url: row.url,
    publishedAt: row.published_at === null ? null : new Date(row.published_at),
    updatedAt: new Date(row.updated_at),
  };
}
