import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { StrategyNotFoundError } from '../../../domain/strategy.errors.js';
import { GetBrandIdentityQuery } from '../get-brand-identity/get-brand-identity.query.js';
import { GetBudgetPlanQuery } from '../get-budget-plan/get-budget-plan.query.js';
import { GetChannelPlanQuery } from '../get-channel-plan/get-channel-plan.query.js';
import { GetDiagnosisQuery } from '../get-diagnosis/get-diagnosis.query.js';
import { GetProfitAndLossQuery } from '../get-profit-and-loss/get-profit-and-loss.query.js';
import { ListAudiencesQuery } from '../list-audiences/list-audiences.query.js';
import { ListGoalsQuery } from '../list-goals/list-goals.query.js';
import { GetStrategyDocumentQuery, type StrategyDocument } from './get-strategy-document.query.js';

/** Assembles the document from the other queries, so it shows exactly what the API shows. */
@QueryHandler(GetStrategyDocumentQuery)
export class GetStrategyDocumentHandler implements IQueryHandler<GetStrategyDocumentQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({
    tenantId,
    workspaceId,
    includeBudget,
  }: GetStrategyDocumentQuery): Promise<StrategyDocument> {
    const orNull = async <T>(work: Promise<T>): Promise<T | null> => {
      try {
        return await work;
      } catch (error) {
        if (error instanceof StrategyNotFoundError) {
          return null;
        }
        throw error;
      }
    };
    // One after the other: on the embedded database transactions are serialised anyway.
    const identity = await orNull(
      this.queries.execute(new GetBrandIdentityQuery(tenantId, workspaceId, null)),
    );
    const audiences = await this.queries.execute(new ListAudiencesQuery(tenantId, workspaceId));
    const diagnosis = await this.queries.execute(new GetDiagnosisQuery(tenantId, workspaceId));
    const goals = await this.queries.execute(new ListGoalsQuery(tenantId, workspaceId));
    const channelPlan = await orNull(this.queries.execute(new GetChannelPlanQuery(tenantId, workspaceId)));
    const budget = includeBudget
      ? await orNull(this.queries.execute(new GetBudgetPlanQuery(tenantId, workspaceId)))
      : null;
    const profitAndLoss = includeBudget
      ? await orNull(this.queries.execute(new GetProfitAndLossQuery(tenantId, workspaceId)))
      : null;
    return {
      workspaceId,
      generatedAt: new Date(),
      identity,
      audiences,
      diagnosis,
      goals: goals.filter((g) => g.status !== 'retired'),
      channelPlan,
      budget,
      profitAndLoss,
      budgetWithheld: !includeBudget,
    };
  }
}
