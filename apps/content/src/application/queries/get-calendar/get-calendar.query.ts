import { Query } from '@nestjs/cqrs';
import type { CalendarRange, CalendarView } from '../../../domain/calendar-range.value-object.js';
import type { PostProps } from '../../../domain/post.aggregate.js';
import type { LocalDateTime } from '../../../domain/zoned-time.value-object.js';

export interface CalendarEntry {
  readonly post: PostProps;
  /** When it goes out, on the viewer's wall clock. */
  readonly local: LocalDateTime;
}

export interface Calendar {
  readonly range: CalendarRange;
  readonly entries: CalendarEntry[];
}

export class GetCalendarQuery extends Query<Calendar> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly view: CalendarView,
    readonly date: string,
    readonly timeZone: string,
  ) {
    super();
  }
}
