import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { CreateAudienceCommand } from '../../application/commands/create-audience/create-audience.command.js';
import { DeleteAudienceCommand } from '../../application/commands/delete-audience/delete-audience.command.js';
import { ReplaceAudienceCommand } from '../../application/commands/replace-audience/replace-audience.command.js';
import { GetAudienceQuery } from '../../application/queries/get-audience/get-audience.query.js';
import { ListAudiencesQuery } from '../../application/queries/list-audiences/list-audiences.query.js';
import { AudienceBody, AudienceDto, AudienceListDto, toAudienceDto } from './dto/audience.dto.js';

@ApiTags('audiences')
@Controller('audiences')
export class AudiencesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('goal:write')
  @ApiOperation({
    summary: 'Add a persona or segment',
    description: 'With sub-targets per product or service line, shaped for ad targeting (see the README).',
  })
  @BodySchema(AudienceBody)
  @ResponseSchema(201, AudienceDto, 'The audience as stored')
  @BadRequestDoc()
  async create(
    @CurrentIdentity() identity: Identity,
    @ValidBody(AudienceBody) body: AudienceBody,
  ): Promise<AudienceDto> {
    return toAudienceDto(
      await this.commands.execute(new CreateAudienceCommand(identity.tenantId, identity.workspaceId, body)),
    );
  }

  @Get()
  @RequirePermission('goal:read')
  @ApiOperation({ summary: "The workspace's audiences, oldest first" })
  @ResponseSchema(200, AudienceListDto, 'The audiences')
  async list(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof AudienceListDto>> {
    const audiences = await this.queries.execute(
      new ListAudiencesQuery(identity.tenantId, identity.workspaceId),
    );
    return { items: audiences.map(toAudienceDto) };
  }

  @Get(':audienceId')
  @RequirePermission('goal:read')
  @ApiOperation({ summary: 'One audience' })
  @ResponseSchema(200, AudienceDto, 'The audience')
  @NotFoundDoc('audience')
  async get(
    @CurrentIdentity() identity: Identity,
    @ValidParam('audienceId', z.uuid()) audienceId: string,
  ): Promise<AudienceDto> {
    return toAudienceDto(
      await this.queries.execute(new GetAudienceQuery(identity.tenantId, identity.workspaceId, audienceId)),
    );
  }

  @Put(':audienceId')
  @RequirePermission('goal:write')
  @ApiOperation({ summary: 'Replace an audience whole' })
  @BodySchema(AudienceBody)
  @ResponseSchema(200, AudienceDto, 'The audience after the change')
  @BadRequestDoc()
  @NotFoundDoc('audience')
  async replace(
    @CurrentIdentity() identity: Identity,
    @ValidParam('audienceId', z.uuid()) audienceId: string,
    @ValidBody(AudienceBody) body: AudienceBody,
  ): Promise<AudienceDto> {
    return toAudienceDto(
      await this.commands.execute(
        new ReplaceAudienceCommand(identity.tenantId, identity.workspaceId, audienceId, body),
      ),
    );
  }

  @Delete(':audienceId')
  @HttpCode(204)
  @RequirePermission('goal:write')
  @ApiOperation({
    summary: 'Delete an audience',
    description: '409 while a goal that is not retired aims at it.',
  })
  @NotFoundDoc('audience')
  async delete(
    @CurrentIdentity() identity: Identity,
    @ValidParam('audienceId', z.uuid()) audienceId: string,
  ): Promise<void> {
    await this.commands.execute(
      new DeleteAudienceCommand(identity.tenantId, identity.workspaceId, audienceId),
    );
  }
}
