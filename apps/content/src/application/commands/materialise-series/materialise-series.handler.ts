import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import {
  PLANNER_OPTIONS,
  POST_REPOSITORY,
  SERIES_REPOSITORY,
  UNIT_OF_WORK,
} from '../../../content.tokens.js';
import { Post, withTargetIds } from '../../../domain/post.aggregate.js';
import { toLocal } from '../../../domain/zoned-time.value-object.js';
import {
  DEFAULT_SERIES_HORIZON,
  type OccurrenceProblem,
  type SeriesHorizon,
} from '../../../domain/recurrence/post-series.aggregate.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import type { SeriesRepository } from '../../ports/series-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { GetApprovalGateQuery } from '../../queries/get-approval-gate/get-approval-gate.query.js';
import { PreflightPostQuery } from '../../queries/preflight-post/preflight-post.query.js';
import { MaterialiseSeriesCommand } from './materialise-series.command.js';

/**
 * One run over one series, in one transaction holding the series' row: a rerun, or another content instance
 * running at the same moment, waits and then finds the posts already made (and the unique key on series and
 * occurrence time would refuse a second one anyway).
 */
@CommandHandler(MaterialiseSeriesCommand)
export class MaterialiseSeriesHandler implements ICommandHandler<MaterialiseSeriesCommand> {
  constructor(
    @Inject(SERIES_REPOSITORY) private readonly series: SeriesRepository,
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    private readonly queries: QueryBus,
    @Optional()
    @Inject(PLANNER_OPTIONS)
    private readonly options: { horizonDays?: number; maxAhead?: number } | undefined,
  ) {}

  private get horizon(): SeriesHorizon {
    return {
      days: this.options?.horizonDays ?? DEFAULT_SERIES_HORIZON.days,
      maxAhead: this.options?.maxAhead ?? DEFAULT_SERIES_HORIZON.maxAhead,
    };
  }

  async execute({ tenantId, seriesId }: MaterialiseSeriesCommand): Promise<number> {
    return this.unitOfWork.run(tenantId, async () => {
      const series = await this.series.lockForRun(tenantId, seriesId);
      if (series === null) {
        return 0;
      }
      const now = new Date();
      const due = series.dueOccurrences(now, this.horizon);
      const s = series.snapshot();
      const made = await this.series.occurrenceInstants(tenantId, seriesId);
      // One post per local day: a day whose occurrence an edit kept (a person changed it, or the publisher
      // has it) at the old time is not given a second one at the new time.
      const madeDays = new Set([...made].map((ms) => toLocal(s.start.timeZone, new Date(ms)).date));
      const problems: OccurrenceProblem[] = [];
      let created = 0;
      for (const occurrence of due.filter((o) => !made.has(o.at.getTime()) && !madeDays.has(o.local.date))) {
        const post = Post.createDraft(
          { id: uuidv7(), tenantId, workspaceId: s.workspaceId, createdBy: s.updatedBy },
          withTargetIds(s.template, [], uuidv7),
          now,
          { kind: 'series', seriesId, occurrenceAt: occurrence.at },
        );
        const schedule = { publishAt: occurrence.at, timeZone: s.start.timeZone };
        const report = await this.queries.execute(new PreflightPostQuery(post.snapshot(), schedule, now));
        const gate = await this.queries.execute(new GetApprovalGateQuery(tenantId, s.workspaceId, post.id));
        if (report.problems.length > 0) {
          // Kept as a draft, so the occurrence is not tried again and again; the series shows why.
          problems.push({ occurrenceAt: occurrence.at, problems: report.problems });
        } else if (gate === null) {
          post.schedule(schedule, report.targets, s.updatedBy, now);
        }
        await this.posts.add(post);
        created += 1;
      }
      series.materialised(problems.length > 0 || created > 0 ? problems : s.lastProblems, now);
      await this.series.saveRun(series);
      return created;
    });
  }
}
