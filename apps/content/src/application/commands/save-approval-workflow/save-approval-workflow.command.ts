import { Command } from '@nestjs/cqrs';
import type { ApprovalWorkflow } from '../../../domain/approvals/approval-workflow.value-object.js';

/** Sets the workspace's approval steps (none: posts need no approval). Rounds already started keep theirs. */
export class SaveApprovalWorkflowCommand extends Command<ApprovalWorkflow> {
  constructor(
    readonly data: { tenantId: string; workspaceId: string; workflow: ApprovalWorkflow; by: string },
  ) {
    super();
  }
}
