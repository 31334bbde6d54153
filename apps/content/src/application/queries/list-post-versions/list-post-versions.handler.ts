import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APPROVAL_REPOSITORY, POST_REPOSITORY } from '../../../content.tokens.js';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { ApprovalRepository, PostVersion } from '../../ports/approval-repository.port.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { ListPostVersionsQuery } from './list-post-versions.query.js';

@QueryHandler(ListPostVersionsQuery)
export class ListPostVersionsHandler implements IQueryHandler<ListPostVersionsQuery> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository,
  ) {}

  async execute(q: ListPostVersionsQuery): Promise<PostVersion[]> {
    if ((await this.posts.find(q.tenantId, q.workspaceId, q.postId)) === null) {
      throw new ContentNotFoundError(`No post ${q.postId} in this workspace`);
    }
    return this.approvals.versions(q.tenantId, q.workspaceId, q.postId);
  }
}
