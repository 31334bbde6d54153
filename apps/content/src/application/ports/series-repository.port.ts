import type { PostSeries } from '../../domain/recurrence/post-series.aggregate.js';

/** One post a series made: its occurrence time, and where it stands now. */
export interface SeriesOccurrenceView {
  readonly postId: string;
  readonly occurrenceAt: Date;
  readonly status: 'draft' | 'scheduled';
  readonly publishAt: Date | null;
  /** A person changed it after Chorus made it: an edit of the series leaves it as it is. */
  readonly changedByPerson: boolean;
}

export interface SeriesRepository {
  add(series: PostSeries): Promise<void>;
  /** A conflict when the revision moved meanwhile. */
  save(series: PostSeries, previousRevision: number): Promise<void>;
  find(tenantId: string, workspaceId: string, seriesId: string): Promise<PostSeries | null>;
  list(tenantId: string, workspaceId: string): Promise<PostSeries[]>;
  /**
   * The series, its row locked until the surrounding unit of work ends: two runs (two content instances) over
   * one series take turns, and the second sees the posts the first made.
   */
  lockForRun(tenantId: string, seriesId: string): Promise<PostSeries | null>;
  /** Stores a run's outcome (problems, when) without touching the revision a writer edits by. */
  saveRun(series: PostSeries): Promise<void>;
  /** The occurrence instants (ms) the series has posts for, whatever became of them. */
  occurrenceInstants(tenantId: string, seriesId: string): Promise<Set<number>>;
  /** The series' posts from `from` on, by occurrence time. */
  occurrences(tenantId: string, seriesId: string, from: Date): Promise<SeriesOccurrenceView[]>;
  /**
   * Removes the series' posts due after `after` that nothing has happened to yet (no person changed them, no
   * approval, comment or publishing attempt), with their publication rows; returns how many.
   */
  withdrawUntouched(tenantId: string, seriesId: string, after: Date): Promise<number>;
  /** Active series of every agency, least recently run first (the planner's round). */
  activeSeries(limit: number): Promise<{ tenantId: string; seriesId: string }[]>;
}
