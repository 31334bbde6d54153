import { Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  NotFoundDoc,
  RequirePermission,
  ResponseSchema,
  ValidBody,
} from '@chorus/service-kit';
import { SaveChannelPlanCommand } from '../../application/commands/save-channel-plan/save-channel-plan.command.js';
import { GetChannelPlanQuery } from '../../application/queries/get-channel-plan/get-channel-plan.query.js';
import { ChannelPlanBody, ChannelPlanDto, toChannelPlanDto } from './dto/channel-plan.dto.js';

const FIT =
  'Each network gets a fit score 0-100 = 100 x (0.5 audience presence + 0.3 goal alignment + 0.2 team ' +
  'capacity), every factor shown (docs/adr/0011). Networks where the audiences are but the plan does not use ' +
  'are scored too (planned: false) at 3 posts of 1 h a week.';

@ApiTags('channel plan')
@Controller('channel-plan')
export class ChannelPlanHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put()
  @RequirePermission('goal:write')
  @ApiOperation({
    summary: 'Save the channel plan',
    description: `Networks with their cadence, the team's weekly hours, content pillars whose shares add up to 100 %. ${FIT}`,
  })
  @BodySchema(ChannelPlanBody)
  @ResponseSchema(200, ChannelPlanDto, 'The plan with fit scores')
  @BadRequestDoc()
  async save(
    @CurrentIdentity() identity: Identity,
    @ValidBody(ChannelPlanBody) body: ChannelPlanBody,
  ): Promise<ChannelPlanDto> {
    await this.commands.execute(
      new SaveChannelPlanCommand(identity.tenantId, identity.workspaceId, body, identity.userId),
    );
    return toChannelPlanDto(
      await this.queries.execute(new GetChannelPlanQuery(identity.tenantId, identity.workspaceId)),
    );
  }

  @Get()
  @RequirePermission('goal:read')
  @ApiOperation({ summary: 'The channel plan with a fit score per network', description: FIT })
  @ResponseSchema(200, ChannelPlanDto, 'The plan with fit scores')
  @NotFoundDoc('channel plan')
  async get(@CurrentIdentity() identity: Identity): Promise<ChannelPlanDto> {
    return toChannelPlanDto(
      await this.queries.execute(new GetChannelPlanQuery(identity.tenantId, identity.workspaceId)),
    );
  }
}
