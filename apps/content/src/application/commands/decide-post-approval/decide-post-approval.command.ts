import { Command } from '@nestjs/cqrs';
import type { Role } from '@chorus/access';
import type { PostApprovalProps } from '../../../domain/approvals/post-approval.aggregate.js';

/** A member approves or rejects the step awaiting a decision, on the version they read. */
export class DecidePostApprovalCommand extends Command<PostApprovalProps> {
  constructor(
    readonly data: {
      tenantId: string;
      workspaceId: string;
      postId: string;
      step: number;
      version: number;
      decision: 'approved' | 'rejected';
      comment: string;
      by: string;
      roles: readonly Role[];
    },
  ) {
    super();
  }
}
