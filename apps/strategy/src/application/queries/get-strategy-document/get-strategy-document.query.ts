import { Query } from '@nestjs/cqrs';
import type { AudienceProps } from '../../../domain/audience.aggregate.js';
import type { BrandIdentityProps } from '../../../domain/brand-identity.aggregate.js';
import type { GoalProps } from '../../../domain/goal.aggregate.js';
import type { ProfitAndLoss } from '../../../domain/profit-and-loss.value-object.js';
import type { BudgetPlanView } from '../get-budget-plan/get-budget-plan.query.js';
import type { ChannelPlanView } from '../get-channel-plan/get-channel-plan.query.js';
import type { ProblemDiagnosis } from '../get-diagnosis/get-diagnosis.query.js';

/** The whole plan of one workspace, as the client reads it; a part not written yet is null (or empty). */
export interface StrategyDocument {
  readonly workspaceId: string;
  readonly generatedAt: Date;
  readonly identity: BrandIdentityProps | null;
  readonly audiences: readonly AudienceProps[];
  readonly diagnosis: readonly ProblemDiagnosis[];
  /** Active and paused goals. */
  readonly goals: readonly GoalProps[];
  readonly channelPlan: ChannelPlanView | null;
  readonly budget: BudgetPlanView | null;
  readonly profitAndLoss: ProfitAndLoss | null;
  /** True when the reader may not see the budget (it holds the team's rates): budget and P&L are left out. */
  readonly budgetWithheld: boolean;
}

export class GetStrategyDocumentQuery extends Query<StrategyDocument> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly includeBudget: boolean,
  ) {
    super();
  }
}
