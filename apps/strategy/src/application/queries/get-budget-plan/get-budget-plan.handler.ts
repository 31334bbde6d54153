import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { budgetTotals } from '../../../domain/budget-plan.aggregate.js';
import { StrategyNotFoundError } from '../../../domain/strategy.errors.js';
import { BUDGET_REPOSITORY, GOAL_REPOSITORY } from '../../../strategy.tokens.js';
import type { BudgetRepository } from '../../ports/budget-repository.port.js';
import type { GoalRepository } from '../../ports/goal-repository.port.js';
import { GetBudgetPlanQuery, type BudgetPlanView } from './get-budget-plan.query.js';

@QueryHandler(GetBudgetPlanQuery)
export class GetBudgetPlanHandler implements IQueryHandler<GetBudgetPlanQuery> {
  constructor(
    @Inject(BUDGET_REPOSITORY) private readonly budgets: BudgetRepository,
    @Inject(GOAL_REPOSITORY) private readonly goals: GoalRepository,
  ) {}

  async execute(query: GetBudgetPlanQuery): Promise<BudgetPlanView> {
    const plan = await this.budgets.findPlan(query.tenantId, query.workspaceId);
    if (plan === null) {
      throw new StrategyNotFoundError('This workspace has no budget plan yet; PUT /budget-plan saves one');
    }
    const titles = new Map(
      (await this.goals.listByWorkspace(query.tenantId, query.workspaceId)).map((g) => [
        g.id,
        g.snapshot().title,
      ]),
    );
    return {
      plan,
      totals: budgetTotals(plan),
      returnsByGoal: plan.expectedReturns.map((r) => ({
        ...r,
        title: titles.get(r.goalId) ?? '(deleted goal)',
      })),
    };
  }
}
