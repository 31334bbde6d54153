import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  CurrentIdentity,
  QuerySchema,
  RequirePermission,
  ResponseSchema,
  ValidQuery,
} from '@chorus/service-kit';
import { ListInteractionsQuery } from '../../application/queries/list-interactions/list-interactions.query.js';
import { InteractionListDto, ListInteractionsParams, toInteractionDto } from './dto/interaction.dto.js';

@ApiTags('inbox')
@Controller('interactions')
export class InteractionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @RequirePermission('interaction:read')
  @ApiOperation({ summary: "The workspace's inbox: interactions that arrived on its channels, newest first" })
  @QuerySchema(ListInteractionsParams)
  @ResponseSchema(200, InteractionListDto, 'One page of interactions')
  @BadRequestDoc()
  async listInteractions(
    @CurrentIdentity() identity: Identity,
    @ValidQuery(ListInteractionsParams) params: ListInteractionsParams,
  ): Promise<InteractionListDto> {
    const items = await this.queries.execute(
      new ListInteractionsQuery(identity.tenantId, identity.workspaceId, {
        limit: params.limit,
        before: params.before ?? null,
      }),
    );
    const last = items.at(-1);
    return {
      items: items.map(toInteractionDto),
      nextCursor: items.length === params.limit && last !== undefined ? last.id : null,
    };
  }
}
