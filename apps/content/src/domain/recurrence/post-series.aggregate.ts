import { ContentConflictError, type ContentProblem } from '../content.errors.js';
import type { PostContentInput } from '../post.aggregate.js';
import {
  formatRecurrenceRule,
  occurrencesBetween,
  type Occurrence,
  type RecurrenceRule,
  type SeriesStart,
} from './recurrence-rule.value-object.js';

/** How far ahead occurrences are made as scheduled posts, and at most how many at a time. */
export interface SeriesHorizon {
  readonly days: number;
  readonly maxAhead: number;
}

export const DEFAULT_SERIES_HORIZON: SeriesHorizon = { days: 28, maxAhead: 30 };
/** An occurrence closer than this is not made any more: it could not be checked and sent in time. */
export const SERIES_MIN_LEAD_MS = 60_000;

export type SeriesStatus = 'active' | 'ended';

/** What an occurrence could not be scheduled for, kept on the series until the next run. */
export interface OccurrenceProblem {
  readonly occurrenceAt: Date;
  readonly problems: readonly ContentProblem[];
}

/** What a writer sets: the post to repeat, the rule, and where and when it starts. */
export interface SeriesDefinition {
  readonly template: PostContentInput;
  readonly rule: RecurrenceRule;
  readonly start: SeriesStart;
}

export interface PostSeriesProps extends SeriesDefinition {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly status: SeriesStatus;
  readonly revision: number;
  readonly lastProblems: readonly OccurrenceProblem[];
  readonly materialisedAt: Date | null;
  readonly endedAt: Date | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/**
 * A post that repeats by an RRULE at a local time. Its occurrences are ordinary posts made ahead, within the
 * horizon, so publishing treats them like any other (docs/adr/0028).
 */
export class PostSeries {
  private constructor(private props: PostSeriesProps) {}

  static create(
    identity: { id: string; tenantId: string; workspaceId: string; by: string },
    definition: SeriesDefinition,
    now: Date,
  ): PostSeries {
    return new PostSeries({
      id: identity.id,
      tenantId: identity.tenantId,
      workspaceId: identity.workspaceId,
      ...definition,
      status: 'active',
      revision: 1,
      lastProblems: [],
      materialisedAt: null,
      endedAt: null,
      createdAt: now,
      createdBy: identity.by,
      updatedAt: now,
      updatedBy: identity.by,
    });
  }

  static restore(props: PostSeriesProps): PostSeries {
    return new PostSeries(props);
  }

  get id(): string {
    return this.props.id;
  }

  /** A new definition for the occurrences still to come; those already made are the caller's to replace. */
  edit(definition: SeriesDefinition, expectedRevision: number, by: string, now: Date): void {
    this.expectActive();
    this.expectRevision(expectedRevision);
    const { template, rule, start } = definition;
    this.props = {
      ...this.props,
      template,
      rule,
      start,
      revision: this.props.revision + 1,
      updatedAt: now,
      updatedBy: by,
    };
  }

  /** No occurrence is made any more. */
  end(expectedRevision: number, by: string, now: Date): void {
    this.expectActive();
    this.expectRevision(expectedRevision);
    this.props = {
      ...this.props,
      status: 'ended',
      endedAt: now,
      revision: this.props.revision + 1,
      updatedAt: now,
      updatedBy: by,
    };
  }

  /** The occurrences that should exist as posts now: from a minute ahead to the end of the horizon. */
  dueOccurrences(now: Date, horizon: SeriesHorizon = DEFAULT_SERIES_HORIZON): Occurrence[] {
    if (this.props.status !== 'active') {
      return [];
    }
    return occurrencesBetween(
      this.props.rule,
      this.props.start,
      new Date(now.getTime() + SERIES_MIN_LEAD_MS),
      new Date(now.getTime() + horizon.days * 86_400_000),
      horizon.maxAhead,
    );
  }

  /** The outcome of a run: what could not be scheduled (replacing the previous run's). */
  materialised(problems: readonly OccurrenceProblem[], now: Date): void {
    this.props = { ...this.props, lastProblems: problems, materialisedAt: now };
  }

  get ruleText(): string {
    return formatRecurrenceRule(this.props.rule);
  }

  snapshot(): PostSeriesProps {
    return this.props;
  }

  private expectActive(): void {
    if (this.props.status !== 'active') {
      throw new ContentConflictError('The series has ended; create a new series instead');
    }
  }

  private expectRevision(expected: number): void {
    if (expected !== this.props.revision) {
      throw new ContentConflictError(
        `The series is at revision ${this.props.revision}, not ${expected}: someone changed it meanwhile; reload it`,
      );
    }
  }
}
