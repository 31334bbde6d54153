import type { PostScheduledV2 } from '@chorus/contracts';
import type {
  PublicationState,
  VisibleState,
  WaitingReason,
} from '../../domain/publishing/publication-state.value-object.js';
import type { Settlement } from '../../domain/publishing/publish-outcome.value-object.js';

/** What one target sends: the PostScheduled v2 payload it was scheduled with. */
export type PublicationPayload = PostScheduledV2;

/** One attempt a worker holds: the intent (attempt id, fingerprint, start) is committed before any call. */
export interface ClaimedAttempt {
  readonly targetId: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly postId: string;
  readonly channelId: string;
  readonly network: string;
  readonly payload: PublicationPayload;
  readonly idempotencyKey: string;
  readonly fingerprint: string;
  readonly attemptId: string;
  readonly failures: number;
  readonly firstAttemptAt: Date;
  /** An earlier call may have reached the network: look it up before publishing again. */
  readonly mustLook: boolean;
  /** When that earlier call started (null when there was none). */
  readonly lastCallAt: Date | null;
  /**
   * When that earlier call ended: its answer or timeout, or the end of its lease when its publisher stopped
   * mid-call (null when there was none, or for a call from before this was recorded). Its request could still
   * land on the network until then.
   */
  readonly lastCallEndedAt: Date | null;
  /** The post left the calendar meanwhile: never publish; settle as cancelled once nothing can be out. */
  readonly cancelRequested: boolean;
  /**
   * The post has a newer revision than this attempt's payload (`pending`): never publish this one; once
   * nothing of it can be out, the target takes the newer revision.
   */
  readonly superseded: boolean;
}

/** A target's state as people see it. */
export interface PublicationView {
  readonly targetId: string;
  readonly postId: string;
  readonly channelId: string;
  readonly network: string;
  readonly state: VisibleState;
  readonly dueAt: Date;
  /** When it will go (waiting, held: the earliest), null otherwise. */
  readonly nextAttemptAt: Date | null;
  readonly waitingReason: WaitingReason | 'paused' | null;
  readonly reason: {
    readonly code: string | null;
    readonly message: string;
    readonly action: string | null;
  } | null;
  readonly attempts: number;
  readonly remoteId: string | null;
  readonly url: string | null;
  readonly publishedAt: Date | null;
  readonly updatedAt: Date;
}

/** `cancelled`: the post left the calendar and no call of this target is out (looked up, or none made). */
export type SettleTransition = Settlement | { readonly kind: 'cancelled' };

/** The publishing engine's store: claims, fenced transitions with their events, and people's actions. */
export interface PublicationRepository {
  /** Instance times are the database's (clock_timestamp()), so processes' clocks never matter. */
  registerInstance(instanceId: string): Promise<void>;
  heartbeat(instanceId: string): Promise<void>;
  removeInstance(instanceId: string): Promise<void>;
  /** The database's clock (an offset read at most once a second): every time the engine compares with stored times comes from it. */
  databaseNow(): Promise<Date>;
  /**
   * Targets due by the database's clock in unpaused workspaces, locked with SKIP LOCKED and marked publishing
   * under a new attempt id, with a lease of `leaseMs` (at least the sum of one attempt's step timeouts).
   */
  claimDue(workerId: string, limit: number, leaseMs: number): Promise<ClaimedAttempt[]>;
  /**
   * Right before the network call, fenced by the attempt id: marks the call started (it may be out from now:
   * must_look) and sets the lease to `leaseMs` from now. False when the attempt no longer holds the target or
   * the post left the calendar (cancel_requested): the call must not be made.
   */
  startCall(attempt: ClaimedAttempt, leaseMs: number): Promise<boolean>;
  /**
   * Attempts whose call has not started go back when their worker stopped beating (or their lease ran out);
   * attempts whose call started only when their lease ran out, to be looked up no earlier than the visibility
   * delay after the call started. Returns how many.
   */
  recoverOrphans(staleAfterMs: number, visibilityDelayMs: number): Promise<number>;
  /**
   * Applies a transition only while the attempt still holds the target; false when it was fenced out.
   * `callMade: false` (the attempt only looked, or stopped before the network) keeps the time of the last call
   * that may have reached the network, which the visibility delay counts from.
   */
  settle(
    attempt: ClaimedAttempt,
    transition: SettleTransition,
    now: Date,
    options?: { readonly callMade: boolean },
  ): Promise<boolean>;
  listForPost(tenantId: string, workspaceId: string, postId: string, now: Date): Promise<PublicationView[]>;
  find(tenantId: string, workspaceId: string, targetId: string, now: Date): Promise<PublicationView | null>;
  /** A person asks for another try: only from failed or needs-review (then they say it is not out). */
  retry(
    tenantId: string,
    workspaceId: string,
    targetId: string,
    expected: PublicationState,
    now: Date,
  ): Promise<boolean>;
  /** A person says a needs-review target went out, at this URL. */
  resolvePublished(
    tenantId: string,
    workspaceId: string,
    targetId: string,
    remote: { readonly remoteId: string; readonly url: string; readonly publishedAt: Date },
    now: Date,
  ): Promise<boolean>;
}
