import { Query } from '@nestjs/cqrs';
import type { BudgetPlanProps, BudgetTotals } from '../../../domain/budget-plan.aggregate.js';

export interface BudgetPlanView {
  readonly plan: BudgetPlanProps;
  readonly totals: BudgetTotals;
  /** Expected return per goal, with the goal's title. */
  readonly returnsByGoal: readonly {
    goalId: string;
    title: string;
    amountMinor: number;
    rationale: string;
  }[];
}

export class GetBudgetPlanQuery extends Query<BudgetPlanView> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
