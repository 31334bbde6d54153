import {
  createEnvelope,
  postFailedV1,
  postNeedsReviewV1,
  postPublishedV1,
  type EventEnvelope,
} from '@chorus/contracts';
import type {
  ClaimedAttempt,
  PublicationPayload,
} from '../../application/ports/publication-repository.port.js';
import type { FailureCode, ReviewCode } from '../../domain/publishing/publication-state.value-object.js';

/** The target named the way every per-target event names it. */
export interface TargetRef {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly postId: string;
  readonly targetId: string;
  readonly channelId: string;
  readonly network: string;
  readonly payload: PublicationPayload;
}

const meta = (ref: TargetRef, correlationId: string, now: Date) => ({
  tenantId: ref.tenantId,
  workspaceId: ref.workspaceId,
  correlationId,
  occurredAt: now,
});

const refFields = (ref: TargetRef) => ({
  postId: ref.postId,
  targetId: ref.targetId,
  channelId: ref.channelId,
  network: ref.network,
});

/** PostPublished v1: where the post went live and what it serves (pillars travel by key, not id: null here). */
export function postPublishedEvent(
  ref: TargetRef,
  remote: { remoteId: string; url: string; publishedAt: Date },
  now: Date,
): EventEnvelope {
  const p = ref.payload;
  return createEnvelope(postPublishedV1, meta(ref, ref.postId, now), {
    ...refFields(ref),
    remoteId: remote.remoteId,
    url: remote.url,
    publishedAt: remote.publishedAt.toISOString(),
    utm: p.utm,
    goalIds: [...p.goalIds],
    contentType: p.contentType,
    campaignId: p.campaignId,
    pillarId: null,
  });
}

export function postFailedEvent(
  attempt: ClaimedAttempt,
  reason: { code: FailureCode; message: string; action: string },
  attempts: number,
  now: Date,
): EventEnvelope {
  return createEnvelope(postFailedV1, meta(attempt, attempt.postId, now), {
    ...refFields(attempt),
    attemptId: attempt.attemptId,
    attempts: Math.max(1, attempts),
    reason: clipped(reason),
  });
}

export function postNeedsReviewEvent(
  attempt: ClaimedAttempt,
  reason: { code: ReviewCode; message: string; action: string },
  now: Date,
): EventEnvelope {
  return createEnvelope(postNeedsReviewV1, meta(attempt, attempt.postId, now), {
    ...refFields(attempt),
    attemptId: attempt.attemptId,
    attemptedAt: (attempt.lastCallAt ?? attempt.firstAttemptAt).toISOString(),
    reason: clipped(reason),
  });
}

// Contract texts are at most 1,000 characters; a network's error message may be longer.
function clipped<C extends string>(reason: { code: C; message: string; action: string }) {
  const clip = (text: string) => (text.length > 1000 ? `${text.slice(0, 999)}…` : text);
  return { code: reason.code, message: clip(reason.message), action: clip(reason.action) };
}
