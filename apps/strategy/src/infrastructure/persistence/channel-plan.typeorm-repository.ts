import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { ChannelPlanRepository } from '../../application/ports/channel-plan-repository.port.js';
import type {
  ChannelPlan,
  ChannelPlanContent,
  ChannelPlanProps,
} from '../../domain/channel-plan.aggregate.js';
import { ChannelPlanOrmEntity } from './channel-plan.orm-entity.js';
import { WorkspaceDocumentTypeormRepository } from './workspace-document.typeorm-repository.js';

@Injectable()
export class ChannelPlanTypeormRepository implements ChannelPlanRepository {
  private readonly plans: WorkspaceDocumentTypeormRepository<ChannelPlanContent>;

  constructor(transactions: TenantTransactions) {
    this.plans = new WorkspaceDocumentTypeormRepository(transactions, ChannelPlanOrmEntity);
  }

  save(plan: ChannelPlan): Promise<void> {
    return this.plans.save(plan.snapshot());
  }

  find(tenantId: string, workspaceId: string): Promise<ChannelPlanProps | null> {
    return this.plans.find(tenantId, workspaceId);
  }
}
