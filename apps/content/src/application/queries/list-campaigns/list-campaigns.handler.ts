import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CampaignProps } from '../../../domain/campaign.aggregate.js';
import { CAMPAIGN_REPOSITORY } from '../../../content.tokens.js';
import type { CampaignRepository } from '../../ports/campaign-repository.port.js';
import { ListCampaignsQuery } from './list-campaigns.query.js';

@QueryHandler(ListCampaignsQuery)
export class ListCampaignsHandler implements IQueryHandler<ListCampaignsQuery> {
  constructor(@Inject(CAMPAIGN_REPOSITORY) private readonly repository: CampaignRepository) {}

  async execute(query: ListCampaignsQuery): Promise<CampaignProps[]> {
    const items = await this.repository.listByWorkspace(query.tenantId, query.workspaceId);
    return items.map((item) => item.snapshot());
  }
}
