import { Query } from '@nestjs/cqrs';
import type { ApprovalWorkflow } from '../../../domain/approvals/approval-workflow.value-object.js';

export class GetApprovalWorkflowQuery extends Query<ApprovalWorkflow> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
