import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SavedReplyProps } from '../../../domain/saved-reply.aggregate.js';
import { SAVED_REPLY_REPOSITORY } from '../../../community.tokens.js';
import type { SavedReplyRepository } from '../../ports/saved-reply-repository.port.js';
import { ListSavedRepliesQuery } from './list-saved-replies.query.js';

@QueryHandler(ListSavedRepliesQuery)
export class ListSavedRepliesHandler implements IQueryHandler<ListSavedRepliesQuery> {
  constructor(@Inject(SAVED_REPLY_REPOSITORY) private readonly repository: SavedReplyRepository) {}

  async execute(query: ListSavedRepliesQuery): Promise<SavedReplyProps[]> {
    const items = await this.repository.listByWorkspace(query.tenantId, query.workspaceId);
    return items.map((item) => item.snapshot());
  }
}
