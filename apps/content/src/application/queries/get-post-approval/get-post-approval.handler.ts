import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APPROVAL_REPOSITORY, POST_REPOSITORY } from '../../../content.tokens.js';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { ApprovalRepository } from '../../ports/approval-repository.port.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { GetApprovalGateQuery } from '../get-approval-gate/get-approval-gate.query.js';
import { GetPostApprovalQuery, type PostApprovalView } from './get-post-approval.query.js';

@QueryHandler(GetPostApprovalQuery)
export class GetPostApprovalHandler implements IQueryHandler<GetPostApprovalQuery> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute(q: GetPostApprovalQuery): Promise<PostApprovalView> {
    if ((await this.posts.find(q.tenantId, q.workspaceId, q.postId)) === null) {
      throw new ContentNotFoundError(`No post ${q.postId} in this workspace`);
    }
    const [approval, workflow, history, blockingReason] = await Promise.all([
      this.approvals.find(q.tenantId, q.workspaceId, q.postId),
      this.approvals.workflow(q.tenantId, q.workspaceId),
      this.approvals.history(q.tenantId, q.workspaceId, q.postId),
      this.queries.execute(new GetApprovalGateQuery(q.tenantId, q.workspaceId, q.postId)),
    ]);
    return { approval: approval?.snapshot() ?? null, workflow, history, blockingReason };
  }
}
