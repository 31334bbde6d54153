/**
 * What happens to the posts that fell due while publishing was paused: `publish` sends them as soon as it
 * resumes; `reschedule` moves each by the length of the pause, so that they keep their spacing.
 */
export type OnResume = 'publish' | 'reschedule';

/** A workspace's publishing pause (a crisis, or a person's decision). */
export interface PublishingPause {
  readonly reason: string;
  readonly crisisId: string | null;
  readonly pausedAt: Date;
  readonly pausedBy: string | null;
  readonly onResume: OnResume;
  /** Targets due since the pause began, held until it ends. */
  readonly held: number;
}
