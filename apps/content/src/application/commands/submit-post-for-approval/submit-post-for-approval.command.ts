import { Command } from '@nestjs/cqrs';
import type { PostApprovalProps } from '../../../domain/approvals/post-approval.aggregate.js';

/** Asks the workspace's approvers for the post's current content version, from step 1. */
export class SubmitPostForApprovalCommand extends Command<PostApprovalProps> {
  constructor(readonly data: { tenantId: string; workspaceId: string; postId: string; by: string }) {
    super();
  }
}
