import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  QuerySchema,
  RequirePermission,
  ResponseSchema,
  ValidBody,
  ValidQuery,
} from '@chorus/service-kit';
import { InvalidContentInputError } from '../../../domain/content.errors.js';
import { isKnownTimeZone } from '../../../domain/time-zone.value-object.js';
import { addDays, toInstant } from '../../../domain/zoned-time.value-object.js';
import { ImportPostsCommand } from '../../application/commands/import-posts/import-posts.command.js';
import { RevokeCalendarFeedUrlCommand } from '../../application/commands/revoke-calendar-feed-url/revoke-calendar-feed-url.command.js';
import { GetCalendarFeedUrlQuery } from '../../application/queries/get-calendar-feed-url/get-calendar-feed-url.query.js';
import { ListScheduledEntriesQuery } from '../../application/queries/list-scheduled-entries/list-scheduled-entries.query.js';
import { writeCsv } from '../../domain/csv.value-object.js';
import { writeICalendar } from '../../domain/icalendar.value-object.js';
import { calendarEvents, exportCsvRows } from '../../domain/scheduled-entry.value-object.js';
import { ExportRangeDto, FeedUrlDto, ImportBody, ImportReportDto } from './dto/calendar-exchange.dto.js';

/** The calendar in and out: CSV export and bulk import, iCalendar export and a feed to subscribe to. */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarExchangeHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('export.csv')
  @RequirePermission('campaign:read')
  @ApiOperation({
    summary: 'Scheduled posts of a date range as CSV, one row per channel',
    description:
      'Dates and times are local to the zone each post was planned in; the first columns are the import ' +
      "columns, so the file imports back. Cells starting with = + - @ get a leading ' (spreadsheet formula guard).",
  })
  @ApiProduces('text/csv')
  @QuerySchema(ExportRangeDto)
  @BadRequestDoc()
  async exportCsv(
    @CurrentIdentity() identity: Identity,
    @ValidQuery(ExportRangeDto) query: ExportRangeDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const entries = await this.entries(identity, query);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="posts-${query.from}-${query.to}.csv"`)
      .send(writeCsv(exportCsvRows(entries)));
  }

  @Get('export.ics')
  @RequirePermission('campaign:read')
  @ApiOperation({
    summary: 'Scheduled posts of a date range as iCalendar (RFC 5545)',
    description: 'One VEVENT per channel of each post, its UID stable across edits, DTSTART in UTC.',
  })
  @ApiProduces('text/calendar')
  @QuerySchema(ExportRangeDto)
  @BadRequestDoc()
  async exportICalendar(
    @CurrentIdentity() identity: Identity,
    @ValidQuery(ExportRangeDto) query: ExportRangeDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const entries = await this.entries(identity, query);
    await reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="posts-${query.from}-${query.to}.ics"`)
      .send(writeICalendar({ name: 'Chorus posts', now: new Date() }, calendarEvents(entries)));
  }

  @Get('feed-url')
  @RequirePermission('campaign:read')
  @ApiOperation({
    summary: 'A signed iCalendar feed URL to subscribe to from a calendar app',
    description:
      'No sign-in is needed to read it: share it like a password. It shows 30 days back and a year ahead.',
  })
  @ResponseSchema(200, FeedUrlDto, 'The feed URL')
  async feedUrl(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof FeedUrlDto>> {
    const feed = await this.queries.execute(
      new GetCalendarFeedUrlQuery(identity.tenantId, identity.workspaceId),
    );
    return { url: feed.url, expiresAt: feed.expiresAt.toISOString() };
  }

  @Post('feed-url/revoke')
  @HttpCode(200)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Revoke the calendar feed link and get a new one',
    description:
      'Every feed link given out so far for this workspace answers 410 Gone from now on; calendar apps must ' +
      'subscribe to the new link returned here.',
  })
  @ResponseSchema(200, FeedUrlDto, 'The new feed URL')
  async revokeFeedUrl(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof FeedUrlDto>> {
    const feed = await this.commands.execute(
      new RevokeCalendarFeedUrlCommand(identity.tenantId, identity.workspaceId, identity.userId),
    );
    return { url: feed.url, expiresAt: feed.expiresAt.toISOString() };
  }

  @Post('import')
  @HttpCode(201)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Schedule posts from a CSV, one per row',
    description:
      "Every row is checked as scheduling checks a post (channel, local time in its zone, the network's " +
      'limits, the brand voice). All-or-nothing by default: one bad row answers 400 with every problem as ' +
      '`rows.<row>.<column>` and nothing is stored. `valid-rows-only` imports the good rows and reports the ' +
      'others. Stored rows are stored in one transaction; where posts need approval they become drafts.',
  })
  @BodySchema(ImportBody)
  @ResponseSchema(201, ImportReportDto, 'What happened to each row')
  @BadRequestDoc()
  async importCsv(
    @CurrentIdentity() identity: Identity,
    @ValidBody(ImportBody) body: ImportBody,
  ): Promise<z.infer<typeof ImportReportDto>> {
    const report = await this.commands.execute(
      new ImportPostsCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        by: identity.userId,
        csv: body.csv,
        mode: body.mode,
        dryRun: body.dryRun,
      }),
    );
    return {
      ...report,
      rows: report.rows.map((r) => ({ ...r, problems: [...r.problems], warnings: [...r.warnings] })),
    };
  }

  private entries(identity: Identity, query: ExportRangeDto) {
    if (!isKnownTimeZone(query.timeZone)) {
      throw InvalidContentInputError.of(
        'timeZone',
        `unknown time zone "${query.timeZone}"; use an IANA name such as Europe/Rome`,
      );
    }
    return this.queries.execute(
      new ListScheduledEntriesQuery(
        identity.tenantId,
        identity.workspaceId,
        toInstant(query.timeZone, { date: query.from, time: '00:00' }),
        toInstant(query.timeZone, { date: addDays(query.to, 1), time: '00:00' }),
      ),
    );
  }
}
