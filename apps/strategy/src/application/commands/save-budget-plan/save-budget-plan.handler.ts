import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BudgetPlan } from '../../../domain/budget-plan.aggregate.js';
import { InvalidStrategyInputError } from '../../../domain/strategy.errors.js';
import { BUDGET_REPOSITORY, GOAL_REPOSITORY } from '../../../strategy.tokens.js';
import type { BudgetRepository } from '../../ports/budget-repository.port.js';
import type { GoalRepository } from '../../ports/goal-repository.port.js';
import { SaveBudgetPlanCommand } from './save-budget-plan.command.js';

@CommandHandler(SaveBudgetPlanCommand)
export class SaveBudgetPlanHandler implements ICommandHandler<SaveBudgetPlanCommand> {
  constructor(
    @Inject(BUDGET_REPOSITORY) private readonly budgets: BudgetRepository,
    @Inject(GOAL_REPOSITORY) private readonly goals: GoalRepository,
  ) {}

  async execute(command: SaveBudgetPlanCommand): Promise<void> {
    const { tenantId, workspaceId } = command;
    const previous = await this.budgets.findPlan(tenantId, workspaceId);
    const plan = BudgetPlan.save(
      previous,
      { ...command.content, tenantId, workspaceId, updatedBy: command.savedBy },
      new Date(),
    );
    const goalIds = new Set((await this.goals.listByWorkspace(tenantId, workspaceId)).map((g) => g.id));
    command.content.expectedReturns.forEach((r, i) => {
      if (!goalIds.has(r.goalId)) {
        throw new InvalidStrategyInputError(
          `expectedReturns.${i}.goalId`,
          `no goal ${r.goalId} in this workspace`,
        );
      }
    });
    await this.budgets.savePlan(plan);
  }
}
