import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { SERIES_REPOSITORY, UNIT_OF_WORK } from '../../../content.tokens.js';
import { ContentNotFoundError, InvalidContentInputError } from '../../../domain/content.errors.js';
import { SERIES_MIN_LEAD_MS } from '../../../domain/recurrence/post-series.aggregate.js';
import type { SeriesRepository } from '../../ports/series-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { CheckSeriesQuery } from '../../queries/check-series/check-series.query.js';
import type { SeriesView } from '../create-series/create-series.command.js';
import { MaterialiseSeriesCommand } from '../materialise-series/materialise-series.command.js';
import { EditSeriesCommand } from './edit-series.command.js';

@CommandHandler(EditSeriesCommand)
export class EditSeriesHandler implements ICommandHandler<EditSeriesCommand> {
  constructor(
    @Inject(SERIES_REPOSITORY) private readonly series: SeriesRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ data }: EditSeriesCommand): Promise<SeriesView> {
    const series = await this.series.find(data.tenantId, data.workspaceId, data.seriesId);
    if (series === null) {
      throw new ContentNotFoundError(`No series ${data.seriesId} in this workspace`);
    }
    const now = new Date();
    const { input } = data;
    const check = await this.queries.execute(
      new CheckSeriesQuery(
        data.tenantId,
        data.workspaceId,
        data.by,
        input.template,
        input.rule,
        input.start,
        now,
      ),
    );
    if (check.problems.length > 0 || check.rule === null) {
      throw new InvalidContentInputError(check.problems);
    }
    const before = series.snapshot().revision;
    series.edit(
      { template: input.template, rule: check.rule, start: input.start },
      data.expectedRevision,
      data.by,
      now,
    );
    // One transaction: the new definition, the upcoming occurrences withdrawn and made again, or nothing.
    await this.unitOfWork.run(data.tenantId, async () => {
      await this.series.save(series, before);
      // An occurrence too close to be made again (within the planner's lead) goes out as it was.
      await this.series.withdrawUntouched(
        data.tenantId,
        series.id,
        new Date(now.getTime() + SERIES_MIN_LEAD_MS),
      );
      await this.commands.execute(new MaterialiseSeriesCommand(data.tenantId, series.id));
    });
    const stored = (await this.series.find(data.tenantId, data.workspaceId, series.id))!;
    return {
      series: stored.snapshot(),
      ruleText: stored.ruleText,
      occurrences: await this.series.occurrences(data.tenantId, series.id, new Date(0)),
      warnings: check.warnings,
    };
  }
}
