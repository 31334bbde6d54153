import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { profitAndLoss, type ProfitAndLoss } from '../../../domain/profit-and-loss.value-object.js';
import { StrategyNotFoundError } from '../../../domain/strategy.errors.js';
import { BUDGET_REPOSITORY } from '../../../strategy.tokens.js';
import type { BudgetRepository } from '../../ports/budget-repository.port.js';
import { GetProfitAndLossQuery } from './get-profit-and-loss.query.js';

@QueryHandler(GetProfitAndLossQuery)
export class GetProfitAndLossHandler implements IQueryHandler<GetProfitAndLossQuery> {
  constructor(@Inject(BUDGET_REPOSITORY) private readonly budgets: BudgetRepository) {}

  async execute(query: GetProfitAndLossQuery): Promise<ProfitAndLoss> {
    const plan = await this.budgets.findPlan(query.tenantId, query.workspaceId);
    if (plan === null) {
      throw new StrategyNotFoundError('This workspace has no budget plan yet; PUT /budget-plan saves one');
    }
    return profitAndLoss(plan, await this.budgets.listActuals(query.tenantId, query.workspaceId));
  }
}
