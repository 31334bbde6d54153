import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SERIES_REPOSITORY } from '../../../content.tokens.js';
import type { PostSeries } from '../../../domain/recurrence/post-series.aggregate.js';
import type { SeriesRepository } from '../../ports/series-repository.port.js';
import { ListSeriesQuery } from './list-series.query.js';

@QueryHandler(ListSeriesQuery)
export class ListSeriesHandler implements IQueryHandler<ListSeriesQuery> {
  constructor(@Inject(SERIES_REPOSITORY) private readonly series: SeriesRepository) {}

  execute(q: ListSeriesQuery): Promise<PostSeries[]> {
    return this.series.list(q.tenantId, q.workspaceId);
  }
}
