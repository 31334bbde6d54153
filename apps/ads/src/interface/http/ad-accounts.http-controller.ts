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
import { CreateAdAccountCommand } from '../../application/commands/create-ad-account/create-ad-account.command.js';
import { ListAdAccountsQuery } from '../../application/queries/list-ad-accounts/list-ad-accounts.query.js';
import { DuplicateAdAccountError } from '../../domain/ad-account.errors.js';
import { CreateAdAccountBody } from './dto/create-ad-account.dto.js';
import { AdAccountDto, AdAccountListDto, toAdAccountDto } from './dto/ad-account.dto.js';

@ApiTags('ad-accounts')
@Controller('ad-accounts')
export class AdAccountsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('ad-account:write')
  @ApiOperation({ summary: 'Create a ad account' })
  @BodySchema(CreateAdAccountBody)
  @ResponseSchema(201, AdAccountDto, 'As stored')
  @BadRequestDoc()
  @ApiConflictResponse({ description: 'This ad account is already registered in the workspace' })
  async createAdAccount(
    @CurrentIdentity() identity: Identity,
    @ValidBody(CreateAdAccountBody) body: CreateAdAccountBody,
  ): Promise<AdAccountDto> {
    try {
      const created = await this.commands.execute(
        new CreateAdAccountCommand({
          tenantId: identity.tenantId,
          workspaceId: identity.workspaceId,
          network: body.network,
          externalId: body.externalId,
          name: body.name,
          currency: body.currency,
          createdBy: identity.userId,
        }),
      );
      return toAdAccountDto(created);
    } catch (error) {
      if (error instanceof DuplicateAdAccountError) {
        throw new ConflictException(error.message);
      }
      throw error;
    }
  }

  @Get()
  @RequirePermission('ad-account:read')
  @ApiOperation({ summary: "List the workspace's ad accounts, newest first" })
  @ResponseSchema(200, AdAccountListDto, 'The ad accounts')
  async listAdAccounts(@CurrentIdentity() identity: Identity): Promise<z.infer<typeof AdAccountListDto>> {
    const items = await this.queries.execute(
      new ListAdAccountsQuery(identity.tenantId, identity.workspaceId),
    );
    return { items: items.map(toAdAccountDto) };
  }
}
