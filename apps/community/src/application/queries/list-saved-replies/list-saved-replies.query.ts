import { Query } from '@nestjs/cqrs';
import type { SavedReplyProps } from '../../../domain/saved-reply.aggregate.js';

export class ListSavedRepliesQuery extends Query<SavedReplyProps[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
