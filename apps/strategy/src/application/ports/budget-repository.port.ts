import type { BudgetActuals } from '../../domain/budget-actuals.value-object.js';
import type { BudgetPlan, BudgetPlanProps, Month } from '../../domain/budget-plan.aggregate.js';

export interface BudgetRepository {
  savePlan(plan: BudgetPlan): Promise<void>;
  findPlan(tenantId: string, workspaceId: string): Promise<BudgetPlanProps | null>;
  findActuals(tenantId: string, workspaceId: string, month: Month): Promise<BudgetActuals | null>;
  /** Inserts or replaces the month's statement. */
  putActuals(actuals: BudgetActuals): Promise<void>;
  listActuals(tenantId: string, workspaceId: string): Promise<BudgetActuals[]>;
}
