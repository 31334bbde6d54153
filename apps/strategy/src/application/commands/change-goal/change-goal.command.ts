import { Command } from '@nestjs/cqrs';
import type { GoalChanges, GoalProps } from '../../../domain/goal.aggregate.js';

export class ChangeGoalCommand extends Command<GoalProps> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly goalId: string,
    readonly changes: GoalChanges,
  ) {
    super();
  }
}
