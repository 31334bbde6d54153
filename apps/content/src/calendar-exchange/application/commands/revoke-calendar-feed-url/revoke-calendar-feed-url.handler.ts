import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { CALENDAR_FEED_LINKS } from '../../../../content.tokens.js';
import type { CalendarFeedLinks } from '../../ports/calendar-feed-links.port.js';
import { GetCalendarFeedUrlQuery } from '../../queries/get-calendar-feed-url/get-calendar-feed-url.query.js';
import { RevokeCalendarFeedUrlCommand } from './revoke-calendar-feed-url.command.js';

@CommandHandler(RevokeCalendarFeedUrlCommand)
export class RevokeCalendarFeedUrlHandler implements ICommandHandler<RevokeCalendarFeedUrlCommand> {
  constructor(
    @Inject(CALENDAR_FEED_LINKS) private readonly links: CalendarFeedLinks,
    private readonly queries: QueryBus,
  ) {}

  async execute(c: RevokeCalendarFeedUrlCommand): Promise<{ url: string; expiresAt: Date }> {
    await this.links.revoke(c.tenantId, c.workspaceId, c.by, new Date());
    return this.queries.execute(new GetCalendarFeedUrlQuery(c.tenantId, c.workspaceId));
  }
}
