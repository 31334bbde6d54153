import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SERIES_REPOSITORY } from '../../../content.tokens.js';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { SeriesRepository } from '../../ports/series-repository.port.js';
import type { SeriesView } from '../../commands/create-series/create-series.command.js';
import { GetSeriesQuery } from './get-series.query.js';

@QueryHandler(GetSeriesQuery)
export class GetSeriesHandler implements IQueryHandler<GetSeriesQuery> {
  constructor(@Inject(SERIES_REPOSITORY) private readonly series: SeriesRepository) {}

  async execute(q: GetSeriesQuery): Promise<SeriesView> {
    const series = await this.series.find(q.tenantId, q.workspaceId, q.seriesId);
    if (series === null) {
      throw new ContentNotFoundError(`No series ${q.seriesId} in this workspace`);
    }
    return {
      series: series.snapshot(),
      ruleText: series.ruleText,
      occurrences: await this.series.occurrences(q.tenantId, series.id, new Date(0)),
      warnings: [],
    };
  }
}
