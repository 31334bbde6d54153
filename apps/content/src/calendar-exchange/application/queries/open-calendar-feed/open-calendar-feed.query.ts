import { Query } from '@nestjs/cqrs';
import type { ScheduledEntry } from '../../../domain/scheduled-entry.value-object.js';

export type CalendarFeed =
  | { readonly ok: true; readonly entries: ScheduledEntry[] }
  | { readonly ok: false; readonly status: 403 | 410; readonly reason: string };

/** The workspace's scheduled posts from 30 days ago to a year ahead, for a signed feed URL. */
export class OpenCalendarFeedQuery extends Query<CalendarFeed> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly expires: number,
    readonly signature: string,
    /** The link's generation (absent from links of the first one). */
    readonly generation: number = 1,
  ) {
    super();
  }
}
