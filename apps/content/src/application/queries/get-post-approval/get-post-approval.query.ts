import { Query } from '@nestjs/cqrs';
import type { ApprovalWorkflow } from '../../../domain/approvals/approval-workflow.value-object.js';
import type {
  ApprovalDecision,
  PostApprovalProps,
} from '../../../domain/approvals/post-approval.aggregate.js';

export interface PostApprovalView {
  /** Null when the post was never submitted. */
  readonly approval: PostApprovalProps | null;
  readonly workflow: ApprovalWorkflow;
  /** Every decision of every round, oldest first. */
  readonly history: readonly ApprovalDecision[];
  /** Why it cannot be scheduled yet, or null. */
  readonly blockingReason: string | null;
}

export class GetPostApprovalQuery extends Query<PostApprovalView> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly postId: string,
  ) {
    super();
  }
}
