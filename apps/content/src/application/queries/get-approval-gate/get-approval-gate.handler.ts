import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APPROVAL_REPOSITORY } from '../../../content.tokens.js';
import type { ApprovalRepository } from '../../ports/approval-repository.port.js';
import { GetApprovalGateQuery } from './get-approval-gate.query.js';

@QueryHandler(GetApprovalGateQuery)
export class GetApprovalGateHandler implements IQueryHandler<GetApprovalGateQuery> {
  constructor(@Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository) {}

  async execute(q: GetApprovalGateQuery): Promise<string | null> {
    const workflow = await this.approvals.workflow(q.tenantId, q.workspaceId);
    if (workflow.steps.length === 0) {
      return null;
    }
    const approval = await this.approvals.find(q.tenantId, q.workspaceId, q.postId);
    if (approval === null) {
      return (
        `Posts in this workspace need approval (${workflow.steps.length} step(s)) before they are scheduled: ` +
        'submit it with POST /posts/{id}/approval, and schedule it once approved'
      );
    }
    return approval.blockingReason();
  }
}
