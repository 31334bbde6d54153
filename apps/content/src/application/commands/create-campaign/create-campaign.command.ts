import { Command } from '@nestjs/cqrs';
import type { CampaignProps } from '../../../domain/campaign.aggregate.js';

export class CreateCampaignCommand extends Command<CampaignProps> {
  constructor(readonly data: Omit<CampaignProps, 'id' | 'createdAt'>) {
    super();
  }
}
