import { Query } from '@nestjs/cqrs';
import type { ScheduledEntry } from '../../../domain/scheduled-entry.value-object.js';

/** Every scheduled target of the workspace due in [from, to), by time: what CSV and iCalendar exports show. */
export class ListScheduledEntriesQuery extends Query<ScheduledEntry[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly from: Date,
    readonly to: Date,
  ) {
    super();
  }
}
