import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CALENDAR_FEED_LINKS } from '../../../../content.tokens.js';
import type { MediaUrls } from '../../../../media/application/ports/media-urls.port.js';
import { calendarFeedSubject } from '../../../../media/domain/signed-url.value-object.js';
import { MEDIA_URLS } from '../../../../media/media.tokens.js';
import type { CalendarFeedLinks } from '../../ports/calendar-feed-links.port.js';
import { ListScheduledEntriesQuery } from '../list-scheduled-entries/list-scheduled-entries.query.js';
import { OpenCalendarFeedQuery, type CalendarFeed } from './open-calendar-feed.query.js';

const DAY = 24 * 3600 * 1000;

@QueryHandler(OpenCalendarFeedQuery)
export class OpenCalendarFeedHandler implements IQueryHandler<OpenCalendarFeedQuery> {
  constructor(
    @Inject(MEDIA_URLS) private readonly urls: MediaUrls,
    @Inject(CALENDAR_FEED_LINKS) private readonly links: CalendarFeedLinks,
    private readonly queries: QueryBus,
  ) {}

  async execute(q: OpenCalendarFeedQuery): Promise<CalendarFeed> {
    const now = new Date();
    const subject = calendarFeedSubject({
      tenantId: q.tenantId,
      workspaceId: q.workspaceId,
      generation: q.generation,
    });
    // The signature first: a forged link learns nothing, not even whether the workspace revoked its links.
    const check = this.urls.check(subject, q.expires, q.signature, now);
    if (check === 'forged') {
      return { ok: false, status: 403, reason: 'This calendar feed link is not valid' };
    }
    if (q.generation < (await this.links.generation(q.tenantId, q.workspaceId))) {
      const at = await this.links.revokedAt(q.tenantId, q.workspaceId);
      return {
        ok: false,
        status: 410,
        reason:
          `This calendar feed link was revoked${at === null ? '' : ` on ${at.toISOString()}`}; ` +
          'ask for the new one (GET /calendar/feed-url) and subscribe again',
      };
    }
    if (check === 'expired') {
      return {
        ok: false,
        status: 403,
        reason: 'This calendar feed link has expired; copy a new one from Chorus (GET /calendar/feed-url)',
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
