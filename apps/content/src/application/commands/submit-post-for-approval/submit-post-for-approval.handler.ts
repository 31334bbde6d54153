import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APPROVAL_REPOSITORY, POST_REPOSITORY } from '../../../content.tokens.js';
import { PostApproval, type PostApprovalProps } from '../../../domain/approvals/post-approval.aggregate.js';
import { ContentConflictError, ContentNotFoundError } from '../../../domain/content.errors.js';
import type { ApprovalRepository } from '../../ports/approval-repository.port.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { SubmitPostForApprovalCommand } from './submit-post-for-approval.command.js';

@CommandHandler(SubmitPostForApprovalCommand)
export class SubmitPostForApprovalHandler implements ICommandHandler<SubmitPostForApprovalCommand> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository,
  ) {}

  async execute({ data }: SubmitPostForApprovalCommand): Promise<PostApprovalProps> {
    const post = await this.posts.find(data.tenantId, data.workspaceId, data.postId);
    if (post === null) {
      throw new ContentNotFoundError(`No post ${data.postId} in this workspace`);
    }
    const versions = await this.approvals.versions(data.tenantId, data.workspaceId, data.postId);
    const current = versions.at(-1);
    if (current === undefined) {
      throw new ContentConflictError(
        'The post has no stored content version yet (it predates approvals): save it once with PUT /posts/{id}, then submit it',
      );
    }
    const workflow = await this.approvals.workflow(data.tenantId, data.workspaceId);
    const now = new Date();
    const existing = await this.approvals.find(data.tenantId, data.workspaceId, data.postId);
    if (existing === null) {
      const p = post.snapshot();
      const approval = PostApproval.submit(
        { postId: p.id, tenantId: p.tenantId, workspaceId: p.workspaceId, authorId: p.createdBy },
        workflow,
        current.version,
        data.by,
        now,
      );
      await this.approvals.save(approval, null);
      return approval.snapshot();
    }
    const previous = existing.snapshot().revision;
    existing.submitAgain(workflow, current.version, data.by, now);
    await this.approvals.save(existing, previous);
    return existing.snapshot();
  }
}
