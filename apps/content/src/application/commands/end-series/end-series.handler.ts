import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERIES_REPOSITORY, UNIT_OF_WORK } from '../../../content.tokens.js';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { SeriesRepository } from '../../ports/series-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import type { SeriesView } from '../create-series/create-series.command.js';
import { EndSeriesCommand } from './end-series.command.js';

@CommandHandler(EndSeriesCommand)
export class EndSeriesHandler implements ICommandHandler<EndSeriesCommand> {
  constructor(
    @Inject(SERIES_REPOSITORY) private readonly series: SeriesRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ data }: EndSeriesCommand): Promise<SeriesView> {
    const series = await this.series.find(data.tenantId, data.workspaceId, data.seriesId);
    if (series === null) {
      throw new ContentNotFoundError(`No series ${data.seriesId} in this workspace`);
    }
    const now = new Date();
    const before = series.snapshot().revision;
    series.end(data.expectedRevision, data.by, now);
    await this.unitOfWork.run(data.tenantId, async () => {
      await this.series.save(series, before);
      await this.series.withdrawUntouched(data.tenantId, series.id, now);
    });
    return {
      series: series.snapshot(),
      ruleText: series.ruleText,
      occurrences: await this.series.occurrences(data.tenantId, series.id, new Date(0)),
      warnings: [],
    };
  }
}
