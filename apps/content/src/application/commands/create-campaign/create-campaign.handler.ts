import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { Campaign, type CampaignProps } from '../../../domain/campaign.aggregate.js';
import { CAMPAIGN_REPOSITORY } from '../../../content.tokens.js';
import type { CampaignRepository } from '../../ports/campaign-repository.port.js';
import { CreateCampaignCommand } from './create-campaign.command.js';

@CommandHandler(CreateCampaignCommand)
export class CreateCampaignHandler implements ICommandHandler<CreateCampaignCommand> {
  constructor(@Inject(CAMPAIGN_REPOSITORY) private readonly repository: CampaignRepository) {}

  async execute(command: CreateCampaignCommand): Promise<CampaignProps> {
    const campaign = Campaign.create({ id: uuidv7(), ...command.data }, new Date());
    await this.repository.add(campaign);
    return campaign.snapshot();
  }
}
