import { Query } from '@nestjs/cqrs';
import type { KpiTrackerProps } from '../../../domain/kpi-tracker.aggregate.js';

export class ListKpiTrackersQuery extends Query<KpiTrackerProps[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly goalId: string | undefined,
  ) {
    super();
  }
}
