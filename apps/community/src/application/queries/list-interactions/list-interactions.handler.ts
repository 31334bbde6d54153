import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { INTERACTION_REPOSITORY } from '../../../community.tokens.js';
import type { InteractionRepository, InteractionView } from '../../ports/interaction-repository.port.js';
import { ListInteractionsQuery } from './list-interactions.query.js';

@QueryHandler(ListInteractionsQuery)
export class ListInteractionsHandler implements IQueryHandler<ListInteractionsQuery> {
  constructor(@Inject(INTERACTION_REPOSITORY) private readonly repository: InteractionRepository) {}

  async execute(query: ListInteractionsQuery): Promise<InteractionView[]> {
    return this.repository.listByWorkspace(query.tenantId, query.workspaceId, query.page);
  }
}
