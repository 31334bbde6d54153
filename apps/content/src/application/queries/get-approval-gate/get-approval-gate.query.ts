import { Query } from '@nestjs/cqrs';

/**
 * Why a post may not be scheduled yet for want of approval, or null: the workspace has no workflow, or every
 * step approved the post's current content.
 */
export class GetApprovalGateQuery extends Query<string | null> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly postId: string,
  ) {
    super();
  }
}
