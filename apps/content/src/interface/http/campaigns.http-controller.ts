import { ConflictException, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { CreateCampaignCommand } from '../../application/commands/create-campaign/create-campaign.command.js';
import { ListCampaignsQuery } from '../../application/queries/list-campaigns/list-campaigns.query.js';
import { DuplicateCampaignError } from '../../domain/campaign.errors.js';
import { CreateCampaignBody } from './dto/create-campaign.dto.js';
import { CampaignDto, CampaignListDto, toCampaignDto } from './dto/campaign.dto.js';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('campaign:write')
  @ApiOperation({ summary: 'Create a campaign' })
  @BodySchema(CreateCampaignBody)
  @ResponseSchema(201, CampaignDto, 'As stored')
  @BadRequestDoc()
  @ApiConflictResponse({ description: 'A campaign with this name already exists in the workspace' })
  async createCampaign(
    @CurrentIdentity() identity: Identity,
    @ValidBody(CreateCampaignBody) body: CreateCampaignBody,
  ): Promise<CampaignDto> {
    try {
      const created = await this.commands.execute(
        new CreateCampaignCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          name: body.name,
          description: body.description,
          createdBy: identity.userId,
        }),
      );
      return toCampaignDto(created);
    } catch (error) {
      if (error instanceof DuplicateCampaignError) {
        throw new ConflictException(error.message);
      }
      throw error;
    }
  }

  @Get()
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "List the workspace's campaigns, newest first" })
  @ResponseSchema(200, CampaignListDto, 'The campaigns')
  async listCampaigns(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof CampaignListDto>> {
    const items = await this.queries.execute(new ListCampaignsQuery(identity.tenantId, identity.workspaceId));
    return { items: items.map(toCampaignDto) };
  }
}
