import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  NotFoundDoc,
  RequirePermission,
  ResponseSchema,
  ValidBody,
  ValidParam,
} from '@chorus/service-kit';
import { CreateSeriesCommand } from '../../application/commands/create-series/create-series.command.js';
import { EditSeriesCommand } from '../../application/commands/edit-series/edit-series.command.js';
import { EndSeriesCommand } from '../../application/commands/end-series/end-series.command.js';
import { GetSeriesQuery } from '../../application/queries/get-series/get-series.query.js';
import { ListSeriesQuery } from '../../application/queries/list-series/list-series.query.js';
import { AttachLibraryMediaQuery } from '../../media/application/queries/attach-library-media/attach-library-media.query.js';
import { contentOf } from './dto/post-body.dto.js';
import {
  EditSeriesBody,
  EndSeriesBody,
  SeriesBody,
  SeriesDto,
  SeriesListDto,
  seriesInputOf,
  toSeriesDto,
  toSeriesSummaryDto,
} from './dto/series.dto.js';

/** Recurring posts: a post repeated by an RRULE, its occurrences made ahead as ordinary scheduled posts. */
@ApiTags('series')
@Controller('series')
export class SeriesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Create a recurring post (a series)',
    description:
      'The post fields of POST /posts plus `rule` (RRULE), `startDate`, `time` and `timeZone`. The first ' +
      'upcoming occurrence is checked as scheduling checks a post (400 listing every problem, nothing stored); ' +
      'occurrences of the next 4 weeks (at most 30) are made at once as scheduled posts, later ones as they ' +
      'come within that horizon. Each keeps its local time across daylight saving.',
  })
  @BodySchema(SeriesBody)
  @ResponseSchema(201, SeriesDto, 'The series and the occurrences made')
  @BadRequestDoc()
  async createSeries(
    @CurrentIdentity() identity: Identity,
    @ValidBody(SeriesBody) body: SeriesBody,
  ): Promise<z.infer<typeof SeriesDto>> {
    const template = contentOf(
      body,
      await this.queries.execute(new AttachLibraryMediaQuery(identity.tenantId, identity.workspaceId, body)),
    );
    const view = await this.commands.execute(
      new CreateSeriesCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        by: identity.userId,
        input: seriesInputOf(body, template),
      }),
    );
    return toSeriesDto(view);
  }

  @Get()
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "The workspace's series, active first" })
  @ResponseSchema(200, SeriesListDto, 'The series')
  async listSeries(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof SeriesListDto>> {
    const series = await this.queries.execute(new ListSeriesQuery(identity.tenantId, identity.workspaceId));
    return { items: series.map((s) => toSeriesSummaryDto(s.snapshot(), s.ruleText)) };
  }

  @Get(':seriesId')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: 'One series with its occurrences' })
  @ResponseSchema(200, SeriesDto, 'The series')
  @NotFoundDoc('series')
  async getSeries(
    @CurrentIdentity() identity: Identity,
    @ValidParam('seriesId', z.uuid()) seriesId: string,
  ): Promise<z.infer<typeof SeriesDto>> {
    return toSeriesDto(
      await this.queries.execute(new GetSeriesQuery(identity.tenantId, identity.workspaceId, seriesId)),
    );
  }

  @Put(':seriesId')
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Change a series from now on',
    description:
      'Based on `revision` (409 when it moved). Upcoming occurrences nothing has happened to are replaced by ' +
      'the new definition; occurrences already published or being published, and those a person edited, ' +
      'stay as they are.',
  })
  @BodySchema(EditSeriesBody)
  @ResponseSchema(200, SeriesDto, 'The series after the edit')
  @BadRequestDoc()
  @NotFoundDoc('series')
  @ApiConflictResponse({ description: 'The series changed meanwhile, or has ended' })
  async editSeries(
    @CurrentIdentity() identity: Identity,
    @ValidParam('seriesId', z.uuid()) seriesId: string,
    @ValidBody(EditSeriesBody) body: EditSeriesBody,
  ): Promise<z.infer<typeof SeriesDto>> {
    const template = contentOf(
      body,
      await this.queries.execute(new AttachLibraryMediaQuery(identity.tenantId, identity.workspaceId, body)),
    );
    const view = await this.commands.execute(
      new EditSeriesCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        seriesId,
        expectedRevision: body.revision,
        by: identity.userId,
        input: seriesInputOf(body, template),
      }),
    );
    return toSeriesDto(view);
  }

  @Post(':seriesId/end')
  @HttpCode(200)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'End a series now',
    description:
      'No more occurrences are made; upcoming ones nothing has happened to are withdrawn. Based on `revision`.',
  })
  @BodySchema(EndSeriesBody)
  @ResponseSchema(200, SeriesDto, 'The ended series')
  @BadRequestDoc()
  @NotFoundDoc('series')
  @ApiConflictResponse({ description: 'The series changed meanwhile, or has ended already' })
  async endSeries(
    @CurrentIdentity() identity: Identity,
    @ValidParam('seriesId', z.uuid()) seriesId: string,
    @ValidBody(EndSeriesBody) body: z.infer<typeof EndSeriesBody>,
  ): Promise<z.infer<typeof SeriesDto>> {
    return toSeriesDto(
      await this.commands.execute(
        new EndSeriesCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          seriesId,
          expectedRevision: body.revision,
          by: identity.userId,
        }),
      ),
    );
  }
}
