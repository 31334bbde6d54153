import type { ChannelPlan, ChannelPlanProps } from '../../domain/channel-plan.aggregate.js';

export interface ChannelPlanRepository {
  save(plan: ChannelPlan): Promise<void>;
  find(tenantId: string, workspaceId: string): Promise<ChannelPlanProps | null>;
}
