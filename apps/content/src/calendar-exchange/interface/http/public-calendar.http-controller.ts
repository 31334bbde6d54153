import { Controller, ForbiddenException, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { PublicEndpoint, QuerySchema, ValidParam, ValidQuery } from '@chorus/service-kit';
import { SignedQueryDto } from '../../../media/interface/http/public-media.http-controller.js';
import { OpenCalendarFeedQuery } from '../../application/queries/open-calendar-feed/open-calendar-feed.query.js';
import { writeICalendar } from '../../domain/icalendar.value-object.js';
import { calendarEvents } from '../../domain/scheduled-entry.value-object.js';

/** The iCalendar feed calendar apps poll, by a signed link (they cannot sign in). */
@ApiTags('calendar')
@Controller('public/calendar')
export class PublicCalendarHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':tenantId/:workspaceId/feed.ics')
  @PublicEndpoint()
  @ApiOperation({
    summary: "The workspace's scheduled posts as an iCalendar feed, by a signed link (no sign-in)",
  })
  @ApiProduces('text/calendar')
  @QuerySchema(SignedQueryDto)
  @ApiForbiddenResponse({ description: 'The link is forged, altered or expired' })
  async feed(
    @ValidParam('tenantId', z.uuid()) tenantId: string,
    @ValidParam('workspaceId', z.uuid()) workspaceId: string,
    @ValidQuery(SignedQueryDto) query: z.infer<typeof SignedQueryDto>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const feed = await this.queries.execute(
      new OpenCalendarFeedQuery(tenantId, workspaceId, query.expires, query.signature),
    );
    if (!feed.ok) {
      throw new ForbiddenException(feed.reason);
    }
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .send(writeICalendar({ name: 'Chorus posts', now: new Date() }, calendarEvents(feed.entries)));
  }
}
