import type { ContentProblem } from '../content.errors.js';

export const EVERGREEN_MAX_GAP_DAYS = 365;
export const EVERGREEN_MAX_TIMES = 100;

/** What a writer sets on a post to have it come back: how long between, how many times, until when. */
export interface EvergreenPolicy {
  readonly minGapDays: number;
  readonly maxTimes: number;
  readonly endsAt: Date | null;
}

/** A post's evergreen setting and how far it got (docs/adr/0028). */
export interface EvergreenSetting extends EvergreenPolicy {
  readonly postId: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly active: boolean;
  /** Re-queues made so far. */
  readonly requeued: number;
  /** Why it stopped: a person, the limit or the end date; null while active. */
  readonly stoppedReason: string | null;
  /** What kept the last run from re-queueing (a channel, a queue), shown until a run succeeds. */
  readonly lastProblems: readonly ContentProblem[];
  readonly revision: number;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** The policy's own rules; every broken one at once. */
export function checkEvergreenPolicy(policy: EvergreenPolicy, now: Date): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (
    !Number.isInteger(policy.minGapDays) ||
    policy.minGapDays < 1 ||
    policy.minGapDays > EVERGREEN_MAX_GAP_DAYS
  ) {
    problems.push({
      field: 'minGapDays',
      problem: `must be a whole number of days, 1 to ${EVERGREEN_MAX_GAP_DAYS}`,
    });
  }
  if (!Number.isInteger(policy.maxTimes) || policy.maxTimes < 1 || policy.maxTimes > EVERGREEN_MAX_TIMES) {
    problems.push({ field: 'maxTimes', problem: `must be 1 to ${EVERGREEN_MAX_TIMES} re-queues` });
  }
  if (policy.endsAt !== null && policy.endsAt.getTime() <= now.getTime()) {
    problems.push({
      field: 'endsAt',
      problem: `${policy.endsAt.toISOString()} is in the past (now ${now.toISOString()}); pick a later end or none`,
    });
  }
  return problems;
}

/** Turns the setting on (again) with a new policy; re-queues already made still count. */
export function startEvergreen(
  existing: EvergreenSetting | null,
  identity: { postId: string; tenantId: string; workspaceId: string },
  policy: EvergreenPolicy,
  by: string,
  now: Date,
): EvergreenSetting {
  return {
    ...identity,
    ...policy,
    active: true,
    requeued: existing?.requeued ?? 0,
    stoppedReason: null,
    lastProblems: [],
    revision: (existing?.revision ?? 0) + 1,
    updatedAt: now,
    updatedBy: by,
  };
}

export function stopEvergreen(setting: EvergreenSetting, reason: string, now: Date): EvergreenSetting {
  return {
    ...setting,
    active: false,
    stoppedReason: reason,
    lastProblems: [],
    revision: setting.revision + 1,
    updatedAt: now,
  };
}

/** Why no more re-queue may be made, or null while one may. */
export function evergreenFinished(setting: EvergreenSetting, now: Date): string | null {
  if (setting.requeued >= setting.maxTimes) {
    return `re-queued ${setting.requeued} time(s), the limit`;
  }
  if (setting.endsAt !== null && setting.endsAt.getTime() <= now.getTime()) {
    return `its end (${setting.endsAt.toISOString()}) has passed`;
  }
  return null;
}

/** The earliest a re-queue may go out: the minimum gap after the chain's last publication (never the past). */
export function earliestRequeue(setting: EvergreenPolicy, lastPublishedAt: Date, now: Date): Date {
  const gapEnd = lastPublishedAt.getTime() + setting.minGapDays * 86_400_000;
  return new Date(Math.max(gapEnd, now.getTime()));
}

/** Targets in these states are still to go out (or may be out): the chain has a re-queue pending. */
export const PENDING_PUBLICATION_STATES = ['scheduled', 'waiting', 'publishing', 'needs-review'];
