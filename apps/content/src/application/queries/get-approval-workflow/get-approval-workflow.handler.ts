import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APPROVAL_REPOSITORY } from '../../../content.tokens.js';
import type { ApprovalWorkflow } from '../../../domain/approvals/approval-workflow.value-object.js';
import type { ApprovalRepository } from '../../ports/approval-repository.port.js';
import { GetApprovalWorkflowQuery } from './get-approval-workflow.query.js';

@QueryHandler(GetApprovalWorkflowQuery)
export class GetApprovalWorkflowHandler implements IQueryHandler<GetApprovalWorkflowQuery> {
  constructor(@Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository) {}

  execute(query: GetApprovalWorkflowQuery): Promise<ApprovalWorkflow> {
    return this.approvals.workflow(query.tenantId, query.workspaceId);
  }
}
