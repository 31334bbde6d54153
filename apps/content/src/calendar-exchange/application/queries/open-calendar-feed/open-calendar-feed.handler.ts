import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { MediaUrls } from '../../../../media/application/ports/media-urls.port.js';
import { MEDIA_URLS } from '../../../../media/media.tokens.js';
import { ListScheduledEntriesQuery } from '../list-scheduled-entries/list-scheduled-entries.query.js';
import { OpenCalendarFeedQuery, type CalendarFeed } from './open-calendar-feed.query.js';

const DAY = 24 * 3600 * 1000;

@QueryHandler(OpenCalendarFeedQuery)
export class OpenCalendarFeedHandler implements IQueryHandler<OpenCalendarFeedQuery> {
  constructor(
    @Inject(MEDIA_URLS) private readonly urls: MediaUrls,
    private readonly queries: QueryBus,
  ) {}

  async execute(q: OpenCalendarFeedQuery): Promise<CalendarFeed> {
    const now = new Date();
    const check = this.urls.check(`calendar:${q.tenantId}/${q.workspaceId}`, q.expires, q.signature, now);
    if (check !== 'valid') {
      return {
        ok: false,
        reason:
          check === 'expired'
            ? 'This calendar feed link has expired; copy a new one from Chorus (GET /calendar/feed-url)'
            : 'This calendar feed link is not valid',
      };
    }
    const entries = await this.queries.execute(
      new ListScheduledEntriesQuery(
        q.tenantId,
        q.workspaceId,
        new Date(now.getTime() - 30 * DAY),
        new Date(now.getTime() + 365 * DAY),
      ),
    );
    return { ok: true, entries };
  }
}
