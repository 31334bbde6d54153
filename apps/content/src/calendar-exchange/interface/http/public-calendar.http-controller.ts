import { Controller, ForbiddenException, Get, GoneException, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiGoneResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { PublicEndpoint, QuerySchema, ValidParam, ValidQuery } from '@chorus/service-kit';
import { SignedQueryDto } from '../../../media/interface/http/public-media.http-controller.js';
import { OpenCalendarFeedQuery } from '../../application/queries/open-calendar-feed/open-calendar-feed.query.js';
import { writeICalendar } from '../../domain/icalendar.value-object.js';
import { calendarEvents } from '../../domain/scheduled-entry.value-object.js';

const FeedQueryDto = SignedQueryDto.extend({
  generation: z.coerce
    .number()
    .int()
    .min(2)
    .max(1_000_000)
    .optional()
    .describe('The link generation, on links made after the first revocation'),
});

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
  @QuerySchema(FeedQueryDto)
  @ApiForbiddenResponse({ description: 'The link is forged, altered or expired' })
  @ApiGoneResponse({ description: 'The link was revoked (POST /calendar/feed-url/revoke)' })
  async feed(
    @ValidParam('tenantId', z.uuid()) tenantId: string,
    @ValidParam('workspaceId', z.uuid()) workspaceId: string,
    @ValidQuery(FeedQueryDto) query: z.infer<typeof FeedQueryDto>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const feed = await this.queries.execute(
      new OpenCalendarFeedQuery(tenantId, workspaceId, query.expires, query.signature, query.generation ?? 1),
    );
    if (!feed.ok) {
      throw feed.status === 410 ? new GoneException(feed.reason) : new ForbiddenException(feed.reason);
    }
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .send(writeICalendar({ name: 'Chorus posts', now: new Date() }, calendarEvents(feed.entries)));
  }
}
