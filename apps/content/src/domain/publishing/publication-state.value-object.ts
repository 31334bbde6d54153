/**
 * Where one target stands. `scheduled`: not yet due; `waiting`: due but held back (a retry after a failure, a
 * network quota, a check whether an earlier attempt went out), with the time it will go; `publishing`: a
 * worker holds it; `published`, `failed` (a person must act), `needs-review` (nobody can tell whether it went
 * out); `cancelled`: the post no longer targets the channel. `held` is not stored: a due target of a paused
 * workspace is shown as held.
 */
export const PUBLICATION_STATES = [
  'scheduled',
  'waiting',
  'publishing',
  'published',
  'failed',
  'needs-review',
  'cancelled',
] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** What a person sees: the stored states, plus `held` for due targets of a paused workspace. */
export type VisibleState = PublicationState | 'held';

export type WaitingReason = 'retry' | 'quota' | 'checking';

export type FailureCode =
  | 'invalid-content'
  | 'reauth-required'
  | 'channel-disconnected'
  | 'media-unavailable'
  | 'rejected-by-network'
  | 'retries-exhausted';

export type ReviewCode = 'outcome-unknown' | 'lookup-unsupported' | 'duplicate-suspected';

/** A reason a person understands, and what they can do about it. */
export interface Explanation<C extends string = string> {
  readonly code: C;
  readonly message: string;
  readonly action: string;
}

/** States from which nothing will happen without a person. */
export function isSettled(state: PublicationState): boolean {
  return state === 'published' || state === 'failed' || state === 'needs-review' || state === 'cancelled';
}
