import type { Campaign } from '../../domain/campaign.aggregate.js';

export interface CampaignRepository {
  /** Throws DuplicateCampaignError when the workspace already has one like it. */
  add(campaign: Campaign): Promise<void>;
  listByWorkspace(tenantId: string, workspaceId: string): Promise<Campaign[]>;
}
