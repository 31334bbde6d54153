import { Query } from '@nestjs/cqrs';
import type { PostSeries } from '../../../domain/recurrence/post-series.aggregate.js';

/** The workspace's series: active first, newest first. */
export class ListSeriesQuery extends Query<PostSeries[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
