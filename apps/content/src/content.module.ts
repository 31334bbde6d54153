import { Module } from '@nestjs/common';
import {
  calendarExchangeControllers,
  calendarExchangeProviders,
} from './calendar-exchange/calendar-exchange.module.js';
import {
  mediaLibraryControllers,
  mediaLibraryMigrations,
  mediaLibraryProviders,
} from './media/media-library.module.js';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TenantTransactions } from '@chorus/service-kit';
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
import { PublicationHttpController } from './interface/http/publication.http-controller.js';
import { PublishTargetHandler } from './application/commands/publish-target/publish-target.handler.js';
import { RetryPublicationHandler } from './application/commands/retry-publication/retry-publication.handler.js';
import { ResolvePublicationReviewHandler } from './application/commands/resolve-publication-review/resolve-publication-review.handler.js';
import { GetPublicationHandler } from './application/queries/get-publication/get-publication.handler.js';
import { PublicationTypeormRepository } from './infrastructure/persistence/publication.typeorm-repository.js';
import { CreatePublicationTables1767657600000 } from './infrastructure/persistence/migrations/1767657600000-create-publication-tables.js';
import { PublisherWorker } from './infrastructure/publishing/publisher.worker.js';
import { PausePublishingHandler } from './application/commands/pause-publishing/pause-publishing.handler.js';
import { ResumePublishingHandler } from './application/commands/resume-publishing/resume-publishing.handler.js';
import { GetPublishingPauseHandler } from './application/queries/get-publishing-pause/get-publishing-pause.handler.js';
import { GetPublishingSettingsHandler } from './application/queries/get-publishing-settings/get-publishing-settings.handler.js';
import { UpdatePublishingSettingsHandler } from './application/commands/update-publishing-settings/update-publishing-settings.handler.js';
import { PublishingPauseTypeormRepository } from './infrastructure/persistence/publishing-pause.typeorm-repository.js';
import { PublishingPauseHttpController } from './interface/http/publishing-pause.http-controller.js';
import { CrisisDetectedKafkaConsumer } from './infrastructure/messaging/crisis-detected.kafka-consumer.js';
import { CrisisResolvedKafkaConsumer } from './infrastructure/messaging/crisis-resolved.kafka-consumer.js';
import { AddPostCommentHandler } from './application/commands/add-post-comment/add-post-comment.handler.js';
import { ChangeAssetRequestStatusHandler } from './application/commands/change-asset-request-status/change-asset-request-status.handler.js';
import { CreateApprovalLinkHandler } from './application/commands/create-approval-link/create-approval-link.handler.js';
import { DecideByApprovalLinkHandler } from './application/commands/decide-by-approval-link/decide-by-approval-link.handler.js';
import { DecidePostApprovalHandler } from './application/commands/decide-post-approval/decide-post-approval.handler.js';
import { RequestAssetHandler } from './application/commands/request-asset/request-asset.handler.js';
import { SaveApprovalWorkflowHandler } from './application/commands/save-approval-workflow/save-approval-workflow.handler.js';
import { SubmitPostForApprovalHandler } from './application/commands/submit-post-for-approval/submit-post-for-approval.handler.js';
import { DiffPostVersionsHandler } from './application/queries/diff-post-versions/diff-post-versions.handler.js';
import { GetApprovalGateHandler } from './application/queries/get-approval-gate/get-approval-gate.handler.js';
import { GetApprovalLinkHandler } from './application/queries/get-approval-link/get-approval-link.handler.js';
import { GetApprovalWorkflowHandler } from './application/queries/get-approval-workflow/get-approval-workflow.handler.js';
import { GetClientContactsHandler } from './application/queries/get-client-contacts/get-client-contacts.handler.js';
import { SaveClientContactsHandler } from './application/commands/save-client-contacts/save-client-contacts.handler.js';
import { GetPostApprovalHandler } from './application/queries/get-post-approval/get-post-approval.handler.js';
import { ListAssetRequestsHandler } from './application/queries/list-asset-requests/list-asset-requests.handler.js';
import { ListPostCommentsHandler } from './application/queries/list-post-comments/list-post-comments.handler.js';
import { ListPostVersionsHandler } from './application/queries/list-post-versions/list-post-versions.handler.js';
import { ApprovalLinkTypeormRepository } from './infrastructure/persistence/approval-link.typeorm-repository.js';
import { ApprovalTypeormRepository } from './infrastructure/persistence/approval.typeorm-repository.js';
import { CreateApprovalAndTeamTables1767747474700 } from './infrastructure/persistence/migrations/1767747474700-create-approval-and-team-tables.js';
import { CreateApprovalClientContactTable1767800000000 } from './infrastructure/persistence/migrations/1767800000000-create-approval-client-contact-table.js';
import { AddPublicationCallStarted1767830400000 } from './infrastructure/persistence/migrations/1767830400000-add-publication-call-started.js';
import { PublishingPausePerSource1767830400100 } from './infrastructure/persistence/migrations/1767830400100-publishing-pause-per-source.js';
import { AddPublicationCallEnded1767830400200 } from './infrastructure/persistence/migrations/1767830400200-add-publication-call-ended.js';
import { CreatePublishingSettings1767830400300 } from './infrastructure/persistence/migrations/1767830400300-create-publishing-settings.js';
import { TeamTypeormRepository } from './infrastructure/persistence/team.typeorm-repository.js';
import { ApprovalErrorsHttpFilter } from './interface/http/approval-errors.mapper.js';
import { ApprovalLinksHttpController } from './interface/http/approval-links.http-controller.js';
import { ApprovalsHttpController } from './interface/http/approvals.http-controller.js';
import { TeamHttpController } from './interface/http/team.http-controller.js';
import { WorkspaceSettingsHttpController } from './interface/http/workspace-settings.http-controller.js';
import { CreateSeriesHandler } from './application/commands/create-series/create-series.handler.js';
import { EditSeriesHandler } from './application/commands/edit-series/edit-series.handler.js';
import { EndSeriesHandler } from './application/commands/end-series/end-series.handler.js';
import { MaterialiseSeriesHandler } from './application/commands/materialise-series/materialise-series.handler.js';
import { RequeueEvergreenPostHandler } from './application/commands/requeue-evergreen-post/requeue-evergreen-post.handler.js';
import { SetEvergreenHandler } from './application/commands/set-evergreen/set-evergreen.handler.js';
import { StopEvergreenHandler } from './application/commands/stop-evergreen/stop-evergreen.handler.js';
import { CheckSeriesHandler } from './application/queries/check-series/check-series.handler.js';
import { GetEvergreenHandler } from './application/queries/get-evergreen/get-evergreen.handler.js';
import { GetSeriesHandler } from './application/queries/get-series/get-series.handler.js';
import { ListSeriesHandler } from './application/queries/list-series/list-series.handler.js';
import { PlannerWorker } from './infrastructure/planning/planner.worker.js';
import { EvergreenTypeormRepository } from './infrastructure/persistence/evergreen.typeorm-repository.js';
import { CreateSeriesAndEvergreenTables1767916800000 } from './infrastructure/persistence/migrations/1767916800000-create-series-and-evergreen-tables.js';
import { AddPublicationPending1767916800100 } from './infrastructure/persistence/migrations/1767916800100-add-publication-pending.js';
import { SeriesTypeormRepository } from './infrastructure/persistence/series.typeorm-repository.js';
import { EvergreenHttpController } from './interface/http/evergreen.http-controller.js';
import { SeriesHttpController } from './interface/http/series.http-controller.js';
import {
  APPROVAL_LINK_REPOSITORY,
  APPROVAL_REPOSITORY,
  BRAND_VOICE_STORE,
  CAMPAIGN_NAMES,
  CAMPAIGN_REPOSITORY,
  CHANNEL_DIRECTORY,
  EVERGREEN_REPOSITORY,
  POST_REPOSITORY,
  PUBLICATION_REPOSITORY,
  PUBLISHING_PAUSES,
  QUEUE_REPOSITORY,
  SERIES_REPOSITORY,
  TEAM_REPOSITORY,
  UNIT_OF_WORK,
  UTM_SCHEME_REPOSITORY,
} from './content.tokens.js';

// Approvals and the creative team (docs/adr/0022).
const approvalAndTeamHandlers = [
  SaveApprovalWorkflowHandler,
  SubmitPostForApprovalHandler,
  DecidePostApprovalHandler,
  CreateApprovalLinkHandler,
  DecideByApprovalLinkHandler,
  GetApprovalWorkflowHandler,
  SaveClientContactsHandler,
  GetClientContactsHandler,
  GetApprovalGateHandler,
  GetPostApprovalHandler,
  GetApprovalLinkHandler,
  ListPostVersionsHandler,
  DiffPostVersionsHandler,
  AddPostCommentHandler,
  ListPostCommentsHandler,
  RequestAssetHandler,
  ChangeAssetRequestStatusHandler,
  ListAssetRequestsHandler,
];

// Recurring posts and evergreen re-queueing (docs/adr/0028).
const planningHandlers = [
  CheckSeriesHandler,
  CreateSeriesHandler,
  EditSeriesHandler,
  EndSeriesHandler,
  MaterialiseSeriesHandler,
  GetSeriesHandler,
  ListSeriesHandler,
  SetEvergreenHandler,
  StopEvergreenHandler,
  GetEvergreenHandler,
  RequeueEvergreenPostHandler,
  PlannerWorker,
];

const consumers = [
  ChannelConnectedKafkaConsumer,
  ChannelDisconnectedKafkaConsumer,
  ChannelReauthRequiredKafkaConsumer,
  BrandVoiceChangedKafkaConsumer,
  CrisisDetectedKafkaConsumer,
  CrisisResolvedKafkaConsumer,
];

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    CampaignsHttpController,
    PostsHttpController,
    CalendarHttpController,
    WorkspaceSettingsHttpController,
    PublicationHttpController,
    PublishingPauseHttpController,
    ApprovalsHttpController,
    ApprovalLinksHttpController,
    TeamHttpController,
    SeriesHttpController,
    EvergreenHttpController,
    ...mediaLibraryControllers,
    ...calendarExchangeControllers,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainErrorsHttpFilter },
    { provide: APP_FILTER, useClass: ApprovalErrorsHttpFilter },
    ...approvalAndTeamHandlers,
    ...planningHandlers,
    ...mediaLibraryProviders,
    ...calendarExchangeProviders,
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
    PublishTargetHandler,
    RetryPublicationHandler,
    ResolvePublicationReviewHandler,
    GetPublicationHandler,
    PublisherWorker,
    PausePublishingHandler,
    ResumePublishingHandler,
    GetPublishingPauseHandler,
    GetPublishingSettingsHandler,
    UpdatePublishingSettingsHandler,
    ...consumers,
    CampaignTypeormRepository,
    { provide: CAMPAIGN_REPOSITORY, useExisting: CampaignTypeormRepository },
    { provide: CAMPAIGN_NAMES, useExisting: CampaignTypeormRepository },
    { provide: POST_REPOSITORY, useClass: PostTypeormRepository },
    { provide: CHANNEL_DIRECTORY, useClass: ChannelDirectoryTypeormRepository },
    { provide: BRAND_VOICE_STORE, useClass: BrandVoiceTypeormRepository },
    { provide: UTM_SCHEME_REPOSITORY, useClass: UtmSchemeTypeormRepository },
    { provide: QUEUE_REPOSITORY, useClass: QueueTypeormRepository },
    { provide: PUBLICATION_REPOSITORY, useClass: PublicationTypeormRepository },
    { provide: PUBLISHING_PAUSES, useClass: PublishingPauseTypeormRepository },
    { provide: APPROVAL_REPOSITORY, useClass: ApprovalTypeormRepository },
    { provide: APPROVAL_LINK_REPOSITORY, useClass: ApprovalLinkTypeormRepository },
    { provide: TEAM_REPOSITORY, useClass: TeamTypeormRepository },
    { provide: SERIES_REPOSITORY, useClass: SeriesTypeormRepository },
    { provide: EVERGREEN_REPOSITORY, useClass: EvergreenTypeormRepository },
    { provide: UNIT_OF_WORK, useExisting: TenantTransactions },
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
    CreatePublicationTables1767657600000,
    CreateApprovalAndTeamTables1767747474700,
    ...mediaLibraryMigrations,
    CreateApprovalClientContactTable1767800000000,
    AddPublicationCallStarted1767830400000,
    PublishingPausePerSource1767830400100,
    AddPublicationCallEnded1767830400200,
    CreatePublishingSettings1767830400300,
    CreateSeriesAndEvergreenTables1767916800000,
    AddPublicationPending1767916800100,
  ],
  produces: true,
  consumers,
  access: 'signed-identity',
  publicPath: '/api/content',
};
