import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APPROVAL_REPOSITORY } from '../../../content.tokens.js';
import {
  workflowProblems,
  type ApprovalWorkflow,
} from '../../../domain/approvals/approval-workflow.value-object.js';
import { InvalidContentInputError } from '../../../domain/content.errors.js';
import type { ApprovalRepository } from '../../ports/approval-repository.port.js';
import { SaveApprovalWorkflowCommand } from './save-approval-workflow.command.js';

@CommandHandler(SaveApprovalWorkflowCommand)
export class SaveApprovalWorkflowHandler implements ICommandHandler<SaveApprovalWorkflowCommand> {
  constructor(@Inject(APPROVAL_REPOSITORY) private readonly approvals: ApprovalRepository) {}

  async execute({ data }: SaveApprovalWorkflowCommand): Promise<ApprovalWorkflow> {
    const problems = workflowProblems(data.workflow);
    if (problems.length > 0) {
      throw new InvalidContentInputError(problems);
    }
    await this.approvals.saveWorkflow(data.tenantId, data.workspaceId, data.workflow, data.by);
    return data.workflow;
  }
}
