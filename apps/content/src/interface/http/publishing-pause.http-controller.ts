import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  RequirePermission,
  ResponseSchema,
  ValidBody,
} from '@chorus/service-kit';
import { PausePublishingCommand } from '../../application/commands/pause-publishing/pause-publishing.command.js';
import { ResumePublishingCommand } from '../../application/commands/resume-publishing/resume-publishing.command.js';
import { GetPublishingPauseQuery } from '../../application/queries/get-publishing-pause/get-publishing-pause.query.js';
import { UpdatePublishingSettingsCommand } from '../../application/commands/update-publishing-settings/update-publishing-settings.command.js';
import { GetPublishingSettingsQuery } from '../../application/queries/get-publishing-settings/get-publishing-settings.query.js';
import {
  PauseBody,
  PublishingPauseDto,
  PublishingSettingsDto,
  ResumeBody,
  ResumeResultDto,
  toPauseDto,
} from './dto/publishing-pause.dto.js';

type PauseDto = z.infer<typeof PublishingPauseDto>;

/** The workspace's crisis switch: stop every scheduled post, and start again. */
@ApiTags('publishing')
@Controller('publishing')
export class PublishingPauseHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('pause')
  @RequirePermission('campaign:read')
  @ApiOperation({
    summary: 'Whether publishing is paused in this workspace, why, and how many posts are held',
  })
  @ResponseSchema(200, PublishingPauseDto, 'The pause, or paused: false')
  async get(@CurrentIdentity() identity: Identity): Promise<PauseDto> {
    return toPauseDto(
      await this.queries.execute(new GetPublishingPauseQuery(identity.tenantId, identity.workspaceId)),
    );
  }

  @Put('pause')
  @RequirePermission('publishing:pause')
  @ApiOperation({
    summary: 'Pause all scheduled publishing in this workspace',
    description:
      'Nothing is sent until someone resumes (a post already being sent finishes). Posts that fall due ' +
      'meanwhile show as held. Pausing again updates the reason and the choice for resuming.',
  })
  @BodySchema(PauseBody)
  @ResponseSchema(200, PublishingPauseDto, 'The pause')
  @BadRequestDoc()
  async pause(
    @CurrentIdentity() identity: Identity,
    @ValidBody(PauseBody) body: PauseBody,
  ): Promise<PauseDto> {
    await this.commands.execute(
      new PausePublishingCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        reason: body.reason,
        crisisId: null,
        pausedBy: identity.userId,
        onResume: body.onResume,
      }),
    );
    return this.get(identity);
  }

  @Post('resume')
  @HttpCode(200)
  @RequirePermission('publishing:pause')
  @ApiOperation({
    summary: 'Resume publishing in this workspace',
    description: 'Held posts are published now, or each moved by the length of the pause (`onResume`).',
  })
  @BodySchema(ResumeBody)
  @ResponseSchema(200, ResumeResultDto, 'What became of the held posts')
  @BadRequestDoc()
  async resume(
    @CurrentIdentity() identity: Identity,
    @ValidBody(ResumeBody) body: ResumeBody,
  ): Promise<z.infer<typeof ResumeResultDto>> {
    const result = await this.commands.execute(
      new ResumePublishingCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        onResume: body.onResume ?? null,
      }),
    );
    return result === null ? { resumed: false, held: 0 } : { resumed: true, held: result.held };
  }

  @Get('settings')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "The workspace's publishing settings (what a crisis's end does to held posts)" })
  @ResponseSchema(200, PublishingSettingsDto, 'The settings')
  settings(@CurrentIdentity() identity: Identity): Promise<PublishingSettingsDto> {
    return this.queries.execute(new GetPublishingSettingsQuery(identity.tenantId, identity.workspaceId));
  }

  @Put('settings')
  @RequirePermission('publishing:pause')
  @ApiOperation({
    summary: "Set the workspace's publishing settings",
    description:
      'Applies to crises that pause publishing from now on; a pause already standing keeps its choice.',
  })
  @BodySchema(PublishingSettingsDto)
  @ResponseSchema(200, PublishingSettingsDto, 'The settings')
  @BadRequestDoc()
  async updateSettings(
    @CurrentIdentity() identity: Identity,
    @ValidBody(PublishingSettingsDto) body: PublishingSettingsDto,
  ): Promise<PublishingSettingsDto> {
    await this.commands.execute(
      new UpdatePublishingSettingsCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        crisisOnResume: body.crisisOnResume,
        by: identity.userId,
      }),
    );
    return this.settings(identity);
  }
}
