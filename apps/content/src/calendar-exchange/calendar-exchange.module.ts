import type { Provider, Type } from '@nestjs/common';
import { CALENDAR_FEED_LINKS } from '../content.tokens.js';
import { ImportPostsHandler } from './application/commands/import-posts/import-posts.handler.js';
import { RevokeCalendarFeedUrlHandler } from './application/commands/revoke-calendar-feed-url/revoke-calendar-feed-url.handler.js';
import { CalendarFeedLinksTypeormRepository } from './infrastructure/calendar-feed-links.typeorm-repository.js';
import { GetCalendarFeedUrlHandler } from './application/queries/get-calendar-feed-url/get-calendar-feed-url.handler.js';
import { ListScheduledEntriesHandler } from './application/queries/list-scheduled-entries/list-scheduled-entries.handler.js';
import { OpenCalendarFeedHandler } from './application/queries/open-calendar-feed/open-calendar-feed.handler.js';
import { CalendarExchangeHttpController } from './interface/http/calendar-exchange.http-controller.js';
import { PublicCalendarHttpController } from './interface/http/public-calendar.http-controller.js';

// CSV import/export and iCalendar export, registered by ContentModule. Signed feed URLs use the media
// library's key (MEDIA_URLS).

export const calendarExchangeControllers: Type<unknown>[] = [
  CalendarExchangeHttpController,
  PublicCalendarHttpController,
];

export const calendarExchangeProviders: Provider[] = [
  ImportPostsHandler,
  ListScheduledEntriesHandler,
  GetCalendarFeedUrlHandler,
  OpenCalendarFeedHandler,
  RevokeCalendarFeedUrlHandler,
  { provide: CALENDAR_FEED_LINKS, useClass: CalendarFeedLinksTypeormRepository },
];
