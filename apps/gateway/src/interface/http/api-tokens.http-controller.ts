import { BadRequestException, Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  AuthenticatedEndpoint,
  BadRequestDoc,
  BodySchema,
  NotFoundDoc,
  ResponseSchema,
  ValidBody,
  ValidParam,
  type RequestWithMember,
} from '@chorus/service-kit';
import { CreateApiTokenCommand } from '../../application/commands/create-api-token/create-api-token.command.js';
import { RevokeApiTokenCommand } from '../../application/commands/revoke-api-token/revoke-api-token.command.js';
import { ListApiTokensQuery } from '../../application/queries/list-api-tokens/list-api-tokens.query.js';
import { accountHttpError } from './account-http.errors.js';
import {
  ApiTokenIdParam,
  ApiTokenListResponse,
  CreateApiTokenBody,
  CreatedApiTokenResponse,
} from './dto/api-token.dto.js';
import { credentialOwner } from './credential-owner.mapper.js';

/** Named API tokens for automation, optionally limited to some roles (scopes). */
@ApiTags('auth')
@Controller('api/auth/api-tokens')
export class ApiTokensHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Create a named API token, optionally limited to some of your roles' })
  @BodySchema(CreateApiTokenBody)
  @ResponseSchema(201, CreatedApiTokenResponse, 'The token, shown once')
  @BadRequestDoc()
  async create(
    @ValidBody(CreateApiTokenBody) body: CreateApiTokenBody,
    @Req() request: RequestWithMember,
  ): Promise<z.infer<typeof CreatedApiTokenResponse>> {
    const member = credentialOwner(request);
    const held = new Set(member.workspaces.flatMap((w) => w.roles));
    const foreign = (body.scopes ?? []).filter((role) => !held.has(role));
    if (foreign.length > 0) {
      const problem = `you hold no role ${foreign.join(', ')} in any workspace`;
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid body: scopes: ${problem}`,
        problems: [{ field: 'scopes', problem }],
      });
    }
    const created = await this.commands.execute(
      new CreateApiTokenCommand(
        member.tenantId,
        member.userId,
        body.name,
        body.scopes === undefined ? null : [...new Set(body.scopes)],
        body.expiresInDays,
      ),
    );
    return {
      ...created,
      scopes: created.scopes === null ? null : [...created.scopes],
      createdAt: created.createdAt.toISOString(),
      expiresAt: created.expiresAt.toISOString(),
    };
  }

  @Get()
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Your active named API tokens (never their secrets)' })
  @ResponseSchema(200, ApiTokenListResponse, 'The tokens, newest first')
  async list(@Req() request: RequestWithMember): Promise<z.infer<typeof ApiTokenListResponse>> {
    const member = credentialOwner(request);
    const tokens = await this.queries.execute(new ListApiTokensQuery(member.tenantId, member.userId));
    return {
      items: tokens.map((t) => ({
        id: t.id,
        name: t.name ?? '',
        scopes: t.scopes === null ? null : [...t.scopes],
        createdAt: t.createdAt.toISOString(),
        expiresAt: t.expiresAt.toISOString(),
      })),
    };
  }

  @Delete(':id')
  @HttpCode(204)
  @AuthenticatedEndpoint()
  @ApiOperation({ summary: 'Revoke one of your named API tokens' })
  @NotFoundDoc('API token of yours')
  async revoke(
    @ValidParam('id', ApiTokenIdParam) id: string,
    @Req() request: RequestWithMember,
  ): Promise<void> {
    const member = credentialOwner(request);
    try {
      await this.commands.execute(new RevokeApiTokenCommand(member.tenantId, member.userId, id));
    } catch (error) {
      throw accountHttpError(error);
    }
  }
}
