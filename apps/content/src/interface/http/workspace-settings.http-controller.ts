import { Controller, Get, Put } from '@nestjs/common';
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
import { SaveUtmSchemeCommand } from '../../application/commands/save-utm-scheme/save-utm-scheme.command.js';
import { GetBrandVoiceQuery } from '../../application/queries/get-brand-voice/get-brand-voice.query.js';
import { GetUtmSchemeQuery } from '../../application/queries/get-utm-scheme/get-utm-scheme.query.js';
import { ListChannelsQuery } from '../../application/queries/list-channels/list-channels.query.js';
import { BrandVoiceDto } from './dto/brand-voice.dto.js';
import { ChannelListDto, toChannelDto } from './dto/channel.dto.js';
import { UtmSchemeDto } from './dto/utm-scheme.dto.js';

/** What content knows of the workspace: its channels, its brand voice, its UTM scheme. */
@ApiTags('workspace')
@Controller()
export class WorkspaceSettingsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('channels')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: 'The channels posts can target, as the gateway last reported them' })
  @ResponseSchema(200, ChannelListDto, 'The channels')
  async listChannels(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof ChannelListDto>> {
    const channels = await this.queries.execute(
      new ListChannelsQuery(identity.tenantId, identity.workspaceId),
    );
    return { items: channels.map(toChannelDto) };
  }

  @Get('brand-voice')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: 'The brand-voice rules posts are checked against (from the strategy service)' })
  @ResponseSchema(200, BrandVoiceDto, 'The rules, or null')
  async getBrandVoice(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof BrandVoiceDto>> {
    const voice = await this.queries.execute(new GetBrandVoiceQuery(identity.tenantId, identity.workspaceId));
    return {
      voice:
        voice === null
          ? null
          : {
              ...voice,
              wordsToAvoid: [...voice.wordsToAvoid],
              requiredHashtags: [...voice.requiredHashtags],
            },
    };
  }

  @Get('utm-scheme')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "How links are tagged: the workspace's scheme, or the default" })
  @ResponseSchema(200, UtmSchemeDto, 'The scheme')
  async getUtmScheme(@CurrentIdentity() identity: Identity): Promise<UtmSchemeDto> {
    return this.queries.execute(new GetUtmSchemeQuery(identity.tenantId, identity.workspaceId));
  }

  @Put('utm-scheme')
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Set how links are tagged',
    description:
      'Placeholders: {network}, {campaign} (the campaign name, slugged), {post} (the post id), {channel}. ' +
      'Applies to posts scheduled from now on.',
  })
  @BodySchema(UtmSchemeDto)
  @ResponseSchema(200, UtmSchemeDto, 'The scheme as stored')
  @BadRequestDoc()
  async saveUtmScheme(
    @CurrentIdentity() identity: Identity,
    @ValidBody(UtmSchemeDto) body: UtmSchemeDto,
  ): Promise<UtmSchemeDto> {
    return this.commands.execute(
      new SaveUtmSchemeCommand(identity.tenantId, identity.workspaceId, body, identity.userId),
    );
  }
}
