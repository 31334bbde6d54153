import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SERIES_REPOSITORY, UNIT_OF_WORK } from '../../../content.tokens.js';
import { InvalidContentInputError } from '../../../domain/content.errors.js';
import { PostSeries } from '../../../domain/recurrence/post-series.aggregate.js';
import type { SeriesRepository } from '../../ports/series-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { CheckSeriesQuery } from '../../queries/check-series/check-series.query.js';
import { MaterialiseSeriesCommand } from '../materialise-series/materialise-series.command.js';
import { CreateSeriesCommand, type SeriesView } from './create-series.command.js';

/** Checks the series as its first occurrence would be scheduled; stores it and its first occurrences together. */
@CommandHandler(CreateSeriesCommand)
export class CreateSeriesHandler implements ICommandHandler<CreateSeriesCommand> {
  constructor(
    @Inject(SERIES_REPOSITORY) private readonly series: SeriesRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({ data }: CreateSeriesCommand): Promise<SeriesView> {
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
    const series = PostSeries.create(
      { id: uuidv7(), tenantId: data.tenantId, workspaceId: data.workspaceId, by: data.by },
      { template: input.template, rule: check.rule, start: input.start },
      now,
    );
    await this.unitOfWork.run(data.tenantId, async () => {
      await this.series.add(series);
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
