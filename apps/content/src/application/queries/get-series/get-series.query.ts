import { Query } from '@nestjs/cqrs';
import type { SeriesView } from '../../commands/create-series/create-series.command.js';

/** A series with its occurrences made so far (and what kept any from being scheduled). */
export class GetSeriesQuery extends Query<SeriesView> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly seriesId: string,
  ) {
    super();
  }
}
