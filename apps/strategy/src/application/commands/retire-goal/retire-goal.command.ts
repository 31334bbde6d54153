import { Command } from '@nestjs/cqrs';
import type { GoalProps, RetirementReason } from '../../../domain/goal.aggregate.js';

export class RetireGoalCommand extends Command<GoalProps> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly goalId: string,
    readonly reason: RetirementReason,
    readonly replacedByGoalId: string | null,
    readonly retiredById: string,
  ) {
    super();
  }
}
