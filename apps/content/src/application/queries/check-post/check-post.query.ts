import { Query } from '@nestjs/cqrs';
import type { ScheduleReport } from '../../../domain/schedule-checks.value-object.js';

/** What scheduling the post now would say: every problem and warning, each target rendered. Changes nothing. */
export class CheckPostQuery extends Query<ScheduleReport> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly postId: string,
  ) {
    super();
  }
}
