import { Controller, Get, HttpCode, Put } from '@nestjs/common';
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
import { SaveBrandIdentityCommand } from '../../application/commands/save-brand-identity/save-brand-identity.command.js';
import { GetBrandIdentityQuery } from '../../application/queries/get-brand-identity/get-brand-identity.query.js';
import { ListBrandIdentityVersionsQuery } from '../../application/queries/list-brand-identity-versions/list-brand-identity-versions.query.js';
import {
  BrandIdentityDto,
  BrandIdentityVersionsDto,
  SaveBrandIdentityBody,
  toBrandIdentityDto,
} from './dto/brand-identity.dto.js';

@ApiTags('brand identity')
@Controller('brand-identity')
export class BrandIdentityHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put()
  @HttpCode(201)
  @RequirePermission('goal:write')
  @ApiOperation({
    summary: 'Save a new version of the brand identity',
    description:
      'Every save is a new version; earlier ones stay readable. When the voice rules change (or on the first ' +
      'save) emits BrandVoiceChanged v1, which the content service checks drafts against.',
  })
  @BodySchema(SaveBrandIdentityBody)
  @ResponseSchema(201, BrandIdentityDto, 'The new version')
  @BadRequestDoc()
  async save(
    @CurrentIdentity() identity: Identity,
    @ValidBody(SaveBrandIdentityBody) body: SaveBrandIdentityBody,
  ): Promise<BrandIdentityDto> {
    const saved = await this.commands.execute(
      new SaveBrandIdentityCommand(identity.tenantId, identity.workspaceId, body, identity.userId),
    );
    return toBrandIdentityDto(saved);
  }

  @Get()
  @RequirePermission('goal:read')
  @ApiOperation({ summary: 'The latest version of the brand identity' })
  @ResponseSchema(200, BrandIdentityDto, 'The latest version')
  @NotFoundDoc('brand identity')
  async latest(@CurrentIdentity() identity: Identity): Promise<BrandIdentityDto> {
    return toBrandIdentityDto(
      await this.queries.execute(new GetBrandIdentityQuery(identity.tenantId, identity.workspaceId, null)),
    );
  }

  @Get('versions')
  @RequirePermission('goal:read')
  @ApiOperation({ summary: 'Every version of the brand identity, newest first' })
  @ResponseSchema(200, BrandIdentityVersionsDto, 'The history')
  async history(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof BrandIdentityVersionsDto>> {
    const versions = await this.queries.execute(
      new ListBrandIdentityVersionsQuery(identity.tenantId, identity.workspaceId),
    );
    return { items: versions.map(toBrandIdentityDto) };
  }

  @Get('versions/:version')
  @RequirePermission('goal:read')
  @ApiOperation({ summary: 'One version of the brand identity' })
  @ResponseSchema(200, BrandIdentityDto, 'That version')
  @NotFoundDoc('brand identity version')
  async version(
    @CurrentIdentity() identity: Identity,
    @ValidParam('version', z.coerce.number().int().positive()) version: number,
  ): Promise<BrandIdentityDto> {
    return toBrandIdentityDto(
      await this.queries.execute(new GetBrandIdentityQuery(identity.tenantId, identity.workspaceId, version)),
    );
  }
}
