import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CALENDAR_FEED_LINKS } from '../../../../content.tokens.js';
import type { MediaUrls } from '../../../../media/application/ports/media-urls.port.js';
import { MEDIA_URLS } from '../../../../media/media.tokens.js';
import type { CalendarFeedLinks } from '../../ports/calendar-feed-links.port.js';
import { GetCalendarFeedUrlQuery } from './get-calendar-feed-url.query.js';

export const FEED_LIFETIME_DAYS = 365;

@QueryHandler(GetCalendarFeedUrlQuery)
export class GetCalendarFeedUrlHandler implements IQueryHandler<GetCalendarFeedUrlQuery> {
  constructor(
    @Inject(MEDIA_URLS) private readonly urls: MediaUrls,
    @Inject(CALENDAR_FEED_LINKS) private readonly links: CalendarFeedLinks,
  ) {}

  async execute(q: GetCalendarFeedUrlQuery): Promise<{ url: string; expiresAt: Date }> {
    const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + FEED_LIFETIME_DAYS * 24 * 3600 * 1000);
    const generation = await this.links.generation(q.tenantId, q.workspaceId);
    return {
      url: this.urls.calendarFeedUrl(
        { tenantId: q.tenantId, workspaceId: q.workspaceId, generation },
        expiresAt,
      ),
      expiresAt,
    };
  }
}
