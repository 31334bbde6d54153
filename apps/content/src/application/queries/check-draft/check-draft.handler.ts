import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ContentProblem } from '../../../domain/content.errors.js';
import { matchTargetChannels } from '../../../domain/target-channels.value-object.js';
import { CAMPAIGN_NAMES, CHANNEL_DIRECTORY } from '../../../content.tokens.js';
import type { CampaignNames } from '../../ports/campaign-names.port.js';
import type { ChannelDirectory } from '../../ports/channel-directory.port.js';
import { CheckDraftQuery } from './check-draft.query.js';

@QueryHandler(CheckDraftQuery)
export class CheckDraftHandler implements IQueryHandler<CheckDraftQuery> {
  constructor(
    @Inject(CHANNEL_DIRECTORY) private readonly channels: ChannelDirectory,
    @Inject(CAMPAIGN_NAMES) private readonly campaigns: CampaignNames,
  ) {}

  async execute(query: CheckDraftQuery): Promise<ContentProblem[]> {
    const found = await this.channels.findInTenant(query.tenantId, query.channelIds);
    const { problems } = matchTargetChannels(found, query.workspaceId, query.channelIds);
    if (
      query.campaignId !== null &&
      (await this.campaigns.nameOf(query.tenantId, query.workspaceId, query.campaignId)) === null
    ) {
      problems.push({ field: 'campaignId', problem: `no campaign ${query.campaignId} in this workspace` });
    }
    return problems;
  }
}
