import { Campaign } from '../../domain/campaign.aggregate.js';
import { CampaignOrmEntity } from './campaign.orm-entity.js';

export function campaignToPersistence(campaign: Campaign): CampaignOrmEntity {
  return Object.assign(new CampaignOrmEntity(), campaign.snapshot());
}

export function campaignToDomain(row: CampaignOrmEntity): Campaign {
  return Campaign.restore({
    id: row.id,
    tenantId: row.tenantId,
    workspaceId: row.workspaceId,
    name: row.name,
    description: row.description,
    createdAt: new Date(row.createdAt),
    createdBy: row.createdBy,
  });
}
