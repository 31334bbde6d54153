import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APPROVAL_REPOSITORY } from '../../../content.tokens.js';
import type { PostApprovalProps } from '../../../domain/approvals/post-approval.aggregate.js';
import { ContentNotFoundError } from '../../../domain/content.errors.js';
import type { ApprovalRepository } from '../../ports/approval-repository.port.js';
import { DecidePostApprovalCommand } from './decide-post-approval.command.js';

@CommandHandler(DecidePostApprovalCommand)
export class DecidePostApprovalHandler implements ICommandHandler<DecidePostApprovalCommand> {
  constructor(@Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository) {}

  async execute({ data }: DecidePostApprovalCommand): Promise<PostApprovalProps> {
    const approval = await this.approvals.find(data.tenantId, data.workspaceId, data.postId);
    if (approval === null) {
      throw new ContentNotFoundError(
        `Post ${data.postId} was never submitted for approval in this workspace (POST /posts/{id}/approval)`,
      );
    }
    const previous = approval.snapshot().revision;
    approval.decide({ ...data, via: 'member' }, new Date());
    await this.approvals.save(approval, previous);
    return approval.snapshot();
  }
}
