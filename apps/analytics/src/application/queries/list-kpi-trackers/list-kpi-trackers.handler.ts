import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { KPI_TRACKER_REPOSITORY } from '../../../analytics.tokens.js';
import type { KpiTrackerProps } from '../../../domain/kpi-tracker.aggregate.js';
import type { KpiTrackerRepository } from '../../ports/kpi-tracker-repository.port.js';
import { ListKpiTrackersQuery } from './list-kpi-trackers.query.js';

@QueryHandler(ListKpiTrackersQuery)
export class ListKpiTrackersHandler implements IQueryHandler<ListKpiTrackersQuery> {
  constructor(@Inject(KPI_TRACKER_REPOSITORY) private readonly trackers: KpiTrackerRepository) {}

  async execute(query: ListKpiTrackersQuery): Promise<KpiTrackerProps[]> {
    const trackers = await this.trackers.listByWorkspace(query.tenantId, query.workspaceId, query.goalId);
    return trackers.map((tracker) => tracker.snapshot());
  }
}
