import { Query } from '@nestjs/cqrs';
import type { ContentProblem } from '../../../domain/content.errors.js';
import type { PostContentInput } from '../../../domain/post.aggregate.js';
import type { RecurrenceRule, SeriesStart } from '../../../domain/recurrence/recurrence-rule.value-object.js';

export interface SeriesCheck {
  /** Null when the rule text does not parse (its problems say why). */
  readonly rule: RecurrenceRule | null;
  readonly problems: ContentProblem[];
  readonly warnings: ContentProblem[];
}

/**
 * What creating (or editing) a series would say: the channels and campaign, the zone, the rule, and the post
 * as its first upcoming occurrence would be scheduled (every check scheduling makes). Changes nothing.
 */
export class CheckSeriesQuery extends Query<SeriesCheck> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly by: string,
    readonly template: PostContentInput,
    readonly ruleText: string,
    readonly start: SeriesStart,
    readonly now: Date,
  ) {
    super();
  }
}
