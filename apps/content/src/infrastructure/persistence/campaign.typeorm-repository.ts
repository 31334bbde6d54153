import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { CampaignNames } from '../../application/ports/campaign-names.port.js';
import type { CampaignRepository } from '../../application/ports/campaign-repository.port.js';
import type { Campaign } from '../../domain/campaign.aggregate.js';
import { DuplicateCampaignError } from '../../domain/campaign.errors.js';
import { campaignToDomain, campaignToPersistence } from './campaign.mapper.js';
import { CampaignOrmEntity } from './campaign.orm-entity.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class CampaignTypeormRepository implements CampaignRepository, CampaignNames {
  constructor(private readonly transactions: TenantTransactions) {}

  async add(campaign: Campaign): Promise<void> {
    const row = campaignToPersistence(campaign);
    try {
      await this.transactions.run(row.tenantId, (tx) => tx.manager.insert(CampaignOrmEntity, row));
    } catch (error) {
      const e = error as { code?: string; driverError?: { code?: string } };
      if ((e.code ?? e.driverError?.code) === UNIQUE_VIOLATION) {
        throw new DuplicateCampaignError();
      }
      throw error;
    }
  }

  async listByWorkspace(tenantId: string, workspaceId: string): Promise<Campaign[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(CampaignOrmEntity, { where: { workspaceId }, order: { createdAt: 'DESC' } }),
    );
    return rows.map(campaignToDomain);
  }

  async nameOf(tenantId: string, workspaceId: string, campaignId: string): Promise<string | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOneBy(CampaignOrmEntity, { id: campaignId, workspaceId }),
    );
    return row?.name ?? null;
  }
}
