import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import type { ServiceDefinition } from '@chorus/service-kit';
import { CreateCampaignHandler } from './application/commands/create-campaign/create-campaign.handler.js';
import { AddToQueueHandler } from './application/commands/add-to-queue/add-to-queue.handler.js';
import { SaveQueueHandler } from './application/commands/save-queue/save-queue.handler.js';
import { GetCalendarHandler } from './application/queries/get-calendar/get-calendar.handler.js';
import { ListQueuesHandler } from './application/queries/list-queues/list-queues.handler.js';
import { QueueTypeormRepository } from './infrastructure/persistence/queue.typeorm-repository.js';
import { CreateQueueTable1767571200000 } from './infrastructure/persistence/migrations/1767571200000-create-queue-table.js';
import { CreatePostHandler } from './application/commands/create-post/create-post.handler.js';
import { DuplicatePostHandler } from './application/commands/duplicate-post/duplicate-post.handler.js';
import { EditPostHandler } from './application/commands/edit-post/edit-post.handler.js';
import { KeepBrandVoiceHandler } from './application/commands/keep-brand-voice/keep-brand-voice.handler.js';
import { RecordChannelEventHandler } from './application/commands/record-channel-event/record-channel-event.handler.js';
import { SaveUtmSchemeHandler } from './application/commands/save-utm-scheme/save-utm-scheme.handler.js';
import { SchedulePostHandler } from './application/commands/schedule-post/schedule-post.handler.js';
import { CheckPostHandler } from './application/queries/check-post/check-post.handler.js';
import { GetBrandVoiceHandler } from './application/queries/get-brand-voice/get-brand-voice.handler.js';
import { GetPostHandler } from './application/queries/get-post/get-post.handler.js';
import { GetUtmSchemeHandler } from './application/queries/get-utm-scheme/get-utm-scheme.handler.js';
import { ListCampaignsHandler } from './application/queries/list-campaigns/list-campaigns.handler.js';
import { ListChannelsHandler } from './application/queries/list-channels/list-channels.handler.js';
import { ListPostsHandler } from './application/queries/list-posts/list-posts.handler.js';
import { CheckDraftHandler } from './application/queries/check-draft/check-draft.handler.js';
import { PreflightPostHandler } from './application/queries/preflight-post/preflight-post.handler.js';
import { BrandVoiceChangedKafkaConsumer } from './infrastructure/messaging/brand-voice-changed.kafka-consumer.js';
import { ChannelConnectedKafkaConsumer } from './infrastructure/messaging/channel-connected.kafka-consumer.js';
import { ChannelDisconnectedKafkaConsumer } from './infrastructure/messaging/channel-disconnected.kafka-consumer.js';
import { ChannelReauthRequiredKafkaConsumer } from './infrastructure/messaging/channel-reauth-required.kafka-consumer.js';
import { BrandVoiceTypeormRepository } from './infrastructure/persistence/brand-voice.typeorm-repository.js';
import { CampaignOrmEntity } from './infrastructure/persistence/campaign.orm-entity.js';
import { CampaignTypeormRepository } from './infrastructure/persistence/campaign.typeorm-repository.js';
import { ChannelDirectoryTypeormRepository } from './infrastructure/persistence/channel-directory.typeorm-repository.js';
import { CreateCampaignTable1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-campaign-table.js';
import { CreatePostTables1767484800000 } from './infrastructure/persistence/migrations/1767484800000-create-post-tables.js';
import { PostTypeormRepository } from './infrastructure/persistence/post.typeorm-repository.js';
import { UtmSchemeTypeormRepository } from './infrastructure/persistence/utm-scheme.typeorm-repository.js';
import { CalendarHttpController } from './interface/http/calendar.http-controller.js';
import { CampaignsHttpController } from './interface/http/campaigns.http-controller.js';
import { DomainErrorsHttpFilter } from './interface/http/domain-errors.mapper.js';
import { PostsHttpController } from './interface/http/posts.http-controller.js';
import { WorkspaceSettingsHttpController } from './interface/http/workspace-settings.http-controller.js';
import {
  BRAND_VOICE_STORE,
  CAMPAIGN_NAMES,
  CAMPAIGN_REPOSITORY,
  CHANNEL_DIRECTORY,
  POST_REPOSITORY,
  QUEUE_REPOSITORY,
  UTM_SCHEME_REPOSITORY,
} from './content.tokens.js';

const consumers = [
  ChannelConnectedKafkaConsumer,
  ChannelDisconnectedKafkaConsumer,
  ChannelReauthRequiredKafkaConsumer,
  BrandVoiceChangedKafkaConsumer,
];

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    CampaignsHttpController,
    PostsHttpController,
    CalendarHttpController,
    WorkspaceSettingsHttpController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainErrorsHttpFilter },
    CreateCampaignHandler,
    ListCampaignsHandler,
    CreatePostHandler,
    EditPostHandler,
    SchedulePostHandler,
    DuplicatePostHandler,
    GetPostHandler,
    ListPostsHandler,
    CheckPostHandler,
    RecordChannelEventHandler,
    KeepBrandVoiceHandler,
    SaveUtmSchemeHandler,
    GetUtmSchemeHandler,
    GetBrandVoiceHandler,
    ListChannelsHandler,
    SaveQueueHandler,
    ListQueuesHandler,
    AddToQueueHandler,
    GetCalendarHandler,
    CheckDraftHandler,
    PreflightPostHandler,
    ...consumers,
    CampaignTypeormRepository,
    { provide: CAMPAIGN_REPOSITORY, useExisting: CampaignTypeormRepository },
    { provide: CAMPAIGN_NAMES, useExisting: CampaignTypeormRepository },
    { provide: POST_REPOSITORY, useClass: PostTypeormRepository },
    { provide: CHANNEL_DIRECTORY, useClass: ChannelDirectoryTypeormRepository },
    { provide: BRAND_VOICE_STORE, useClass: BrandVoiceTypeormRepository },
    { provide: UTM_SCHEME_REPOSITORY, useClass: UtmSchemeTypeormRepository },
    { provide: QUEUE_REPOSITORY, useClass: QueueTypeormRepository },
  ],
})
export class ContentModule {}

/**
 * How a host runs the content service. A host that loads connector plugins provides PUBLISH_CONNECTORS (see
 * publishConnectorsOf) so that posts are validated against each network's manifest; without it nothing can be
 * scheduled (each target answers "no connector is loaded").
 */
export const contentService: ServiceDefinition = {
  name: 'content',
  title: 'Chorus content API',
  description:
    'Composition and planning: posts with a variant per channel, validated against each network and the ' +
    'brand voice, scheduled with PostScheduled v2; campaigns that group them.',
  module: ContentModule,
  entities: [CampaignOrmEntity],
  migrations: [
    ...messagingMigrations('content'),
    CreateCampaignTable1767312000000,
    CreatePostTables1767484800000,
    CreateQueueTable1767571200000,
  ],
  produces: true,
  consumers,
  access: 'signed-identity',
  publicPath: '/api/content',
};
