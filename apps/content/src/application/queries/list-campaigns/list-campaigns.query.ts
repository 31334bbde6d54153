import { Query } from '@nestjs/cqrs';
import type { CampaignProps } from '../../../domain/campaign.aggregate.js';

export class ListCampaignsQuery extends Query<CampaignProps[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {
    super();
  }
}
