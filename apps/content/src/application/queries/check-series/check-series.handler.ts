import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { APPROVAL_REPOSITORY } from '../../../content.tokens.js';
import type { ContentProblem } from '../../../domain/content.errors.js';
import { Post, withTargetIds } from '../../../domain/post.aggregate.js';
import { SERIES_MIN_LEAD_MS } from '../../../domain/recurrence/post-series.aggregate.js';
import {
  MAX_SERIES_YEARS,
  occurrencesBetween,
  parseRecurrenceRule,
} from '../../../domain/recurrence/recurrence-rule.value-object.js';
import { isKnownTimeZone } from '../../../domain/time-zone.value-object.js';
import type { ApprovalRepository } from '../../ports/approval-repository.port.js';
import { CheckDraftQuery } from '../check-draft/check-draft.query.js';
import { PreflightPostQuery } from '../preflight-post/preflight-post.query.js';
import { CheckSeriesQuery, type SeriesCheck } from './check-series.query.js';

const FAR_FUTURE = new Date('2200-01-01T00:00:00Z');

@QueryHandler(CheckSeriesQuery)
export class CheckSeriesHandler implements IQueryHandler<CheckSeriesQuery> {
  constructor(
    @Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute(q: CheckSeriesQuery): Promise<SeriesCheck> {
    const problems: ContentProblem[] = await this.queries.execute(
      new CheckDraftQuery(
        q.tenantId,
        q.workspaceId,
        q.template.targets.map((t) => t.channelId),
        q.template.campaignId,
      ),
    );
    const warnings: ContentProblem[] = [];
    if (q.template.targets.length === 0) {
      problems.push({
        field: 'targets',
        problem: 'add at least one channel: each occurrence is scheduled on them',
      });
    }
    if (!isKnownTimeZone(q.start.timeZone)) {
      problems.push({
        field: 'timeZone',
        problem: `unknown time zone "${q.start.timeZone}"; use an IANA name such as Europe/Rome`,
      });
    }
    const oldest = new Date(q.now.getTime() - MAX_SERIES_YEARS * 365 * 86_400_000).toISOString().slice(0, 10);
    if (q.start.date < oldest) {
      problems.push({
        field: 'startDate',
        problem:
          `${q.start.date} is more than ${MAX_SERIES_YEARS} years ago, and a series is followed for ` +
          `${MAX_SERIES_YEARS} years from its start; start it on ${oldest} or later`,
      });
    }
    const parsed = parseRecurrenceRule(q.ruleText);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
    }
    if (!parsed.ok || problems.length > 0) {
      return { rule: parsed.ok ? parsed.rule : null, problems, warnings };
    }
    const [first] = occurrencesBetween(
      parsed.rule,
      q.start,
      new Date(q.now.getTime() + SERIES_MIN_LEAD_MS),
      FAR_FUTURE,
      1,
    );
    if (first === undefined) {
      problems.push({
        field: 'rule',
        problem:
          'has no occurrence from now on (COUNT or UNTIL ends it before today); change the start or the end',
      });
      return { rule: parsed.rule, problems, warnings };
    }
    // The first occurrence as it would be scheduled: the same checks, so a series cannot be made that fails.
    const sample = Post.createDraft(
      { id: uuidv7(), tenantId: q.tenantId, workspaceId: q.workspaceId, createdBy: q.by },
      withTargetIds(q.template, [], uuidv7),
      q.now,
    );
    const report = await this.queries.execute(
      new PreflightPostQuery(sample.snapshot(), { publishAt: first.at, timeZone: q.start.timeZone }, q.now),
    );
    problems.push(...report.problems);
    warnings.push(...report.warnings);
    if ((await this.approvals.workflow(q.tenantId, q.workspaceId)).steps.length > 0) {
      warnings.push({
        field: 'approval',
        problem:
          'posts in this workspace need approval: each occurrence is made as a draft, to submit and schedule',
      });
    }
    return { rule: parsed.rule, problems, warnings };
  }
}
