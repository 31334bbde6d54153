import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { BudgetRepository } from '../../application/ports/budget-repository.port.js';
import type { BudgetActuals } from '../../domain/budget-actuals.value-object.js';
import type {
  BudgetPlan,
  BudgetPlanContent,
  BudgetPlanProps,
  Month,
} from '../../domain/budget-plan.aggregate.js';
import { BudgetActualsOrmEntity } from './budget-actuals.orm-entity.js';
import { BudgetPlanOrmEntity } from './budget-plan.orm-entity.js';
import { WorkspaceDocumentTypeormRepository } from './workspace-document.typeorm-repository.js';

@Injectable()
export class BudgetTypeormRepository implements BudgetRepository {
  private readonly plans: WorkspaceDocumentTypeormRepository<BudgetPlanContent>;

  constructor(private readonly transactions: TenantTransactions) {
    this.plans = new WorkspaceDocumentTypeormRepository(transactions, BudgetPlanOrmEntity);
  }

  savePlan(plan: BudgetPlan): Promise<void> {
    return this.plans.save(plan.snapshot());
  }

  findPlan(tenantId: string, workspaceId: string): Promise<BudgetPlanProps | null> {
    return this.plans.find(tenantId, workspaceId);
  }

  async findActuals(tenantId: string, workspaceId: string, month: Month): Promise<BudgetActuals | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOneBy(BudgetActualsOrmEntity, { tenantId, workspaceId, month }),
    );
    return row === null ? null : toActuals(row);
  }

  async putActuals(actuals: BudgetActuals): Promise<void> {
    await this.transactions.run(actuals.tenantId, (tx) =>
      tx.manager.save(BudgetActualsOrmEntity, { ...actuals, lines: [...actuals.lines] }),
    );
  }

  async listActuals(tenantId: string, workspaceId: string): Promise<BudgetActuals[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(BudgetActualsOrmEntity, { where: { tenantId, workspaceId }, order: { month: 'ASC' } }),
    );
    return rows.map(toActuals);
  }
}

function toActuals(row: BudgetActualsOrmEntity): BudgetActuals {
  return { ...row, asOf: new Date(row.asOf) };
}
