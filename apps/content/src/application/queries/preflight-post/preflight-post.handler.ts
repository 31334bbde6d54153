import { Inject, Optional } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RefreshPostMediaQuery } from '../../../media/application/queries/refresh-post-media/refresh-post-media.query.js';
import {
  checkSchedule,
  checkTargets,
  type ScheduleReport,
} from '../../../domain/schedule-checks.value-object.js';
import { matchTargetChannels } from '../../../domain/target-channels.value-object.js';
import {
  BRAND_VOICE_STORE,
  CAMPAIGN_NAMES,
  CHANNEL_DIRECTORY,
  PUBLISH_CONNECTORS,
  UTM_SCHEME_REPOSITORY,
} from '../../../content.tokens.js';
import type { BrandVoiceStore } from '../../ports/brand-voice-store.port.js';
import type { CampaignNames } from '../../ports/campaign-names.port.js';
import type { ChannelDirectory } from '../../ports/channel-directory.port.js';
import type { PublishConnectors } from '../../ports/publish-connectors.port.js';
import type { UtmSchemeRepository } from '../../ports/utm-scheme-repository.port.js';
import { PreflightPostQuery } from './preflight-post.query.js';

const NO_CONNECTORS: PublishConnectors = { find: () => undefined };

@QueryHandler(PreflightPostQuery)
export class PreflightPostHandler implements IQueryHandler<PreflightPostQuery> {
  constructor(
    @Inject(CHANNEL_DIRECTORY) private readonly channels: ChannelDirectory,
    @Inject(BRAND_VOICE_STORE) private readonly voices: BrandVoiceStore,
    @Inject(UTM_SCHEME_REPOSITORY) private readonly utm: UtmSchemeRepository,
    @Inject(CAMPAIGN_NAMES) private readonly campaigns: CampaignNames,
    @Optional() @Inject(PUBLISH_CONNECTORS) private readonly connectors: PublishConnectors | null,
    private readonly queries: QueryBus,
  ) {}

  async execute({ post: asStored, schedule, now }: PreflightPostQuery): Promise<ScheduleReport> {
    const { tenantId, workspaceId } = asStored;
    const channelIds = asStored.targets.map((t) => t.channelId);
    const found = await this.channels.findInTenant(tenantId, channelIds);
    const { channels, problems } = matchTargetChannels(found, workspaceId, channelIds);
    // The media as the library has them now (each network's derivative, fresh signed URLs) are what is checked.
    const media = await this.queries.execute(
      new RefreshPostMediaQuery(
        asStored,
        channels.map((c) => c?.network ?? null),
        schedule?.publishAt ?? now,
      ),
    );
    const post = media.post;
    problems.push(...media.problems);
    const report = await checkTargets(post, schedule?.publishAt ?? now, {
      channels,
      connectors: this.connectors ?? NO_CONNECTORS,
      voice: await this.voices.find(tenantId, workspaceId),
      utmScheme: await this.utm.find(tenantId, workspaceId),
      campaignName:
        post.campaignId === null ? null : await this.campaigns.nameOf(tenantId, workspaceId, post.campaignId),
      now,
    });
    const timing = schedule === null ? [] : checkSchedule(schedule, now);
    return { ...report, problems: [...timing, ...problems, ...report.problems] };
  }
}
