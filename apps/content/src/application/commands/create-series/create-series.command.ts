import { Command } from '@nestjs/cqrs';
import type { ContentProblem } from '../../../domain/content.errors.js';
import type { PostContentInput } from '../../../domain/post.aggregate.js';
import type { PostSeriesProps } from '../../../domain/recurrence/post-series.aggregate.js';
import type { SeriesStart } from '../../../domain/recurrence/recurrence-rule.value-object.js';
import type { SeriesOccurrenceView } from '../../ports/series-repository.port.js';

export interface SeriesView {
  readonly series: PostSeriesProps;
  readonly ruleText: string;
  readonly occurrences: readonly SeriesOccurrenceView[];
  readonly warnings: readonly ContentProblem[];
}

/** What a writer sends to create or edit a series. */
export interface SeriesInput {
  readonly template: PostContentInput;
  readonly rule: string;
  readonly start: SeriesStart;
}

/** A post that repeats by an RRULE; its first occurrences are made (scheduled) at once. */
export class CreateSeriesCommand extends Command<SeriesView> {
  constructor(readonly data: { tenantId: string; workspaceId: string; by: string; input: SeriesInput }) {
    super();
  }
}
