import type { ApprovalWorkflow } from '../../domain/approvals/approval-workflow.value-object.js';
import type { ApprovalDecision, PostApproval } from '../../domain/approvals/post-approval.aggregate.js';
import type { PostContent } from '../../domain/post.aggregate.js';

/** One stored version of a post's content (a new one each time the content changes). */
export interface PostVersion {
  readonly version: number;
  readonly content: PostContent;
  readonly createdAt: Date;
  readonly createdBy: string;
}

export interface ApprovalRepository {
  /** The workspace's workflow; no steps when none was set. */
  workflow(tenantId: string, workspaceId: string): Promise<ApprovalWorkflow>;
  saveWorkflow(tenantId: string, workspaceId: string, workflow: ApprovalWorkflow, by: string): Promise<void>;
  find(tenantId: string, workspaceId: string, postId: string): Promise<PostApproval | null>;
  /** Stores a new or changed approval with its notifications and PostApproved events, in one transaction. */
  save(approval: PostApproval, previousRevision: number | null): Promise<void>;
  /** Every decision ever taken on the post, oldest first (all rounds). */
  history(tenantId: string, workspaceId: string, postId: string): Promise<ApprovalDecision[]>;
  versions(tenantId: string, workspaceId: string, postId: string): Promise<PostVersion[]>;
}
