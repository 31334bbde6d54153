import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import type { ServiceDefinition } from '@chorus/service-kit';
import { CreateSavedReplyHandler } from './application/commands/create-saved-reply/create-saved-reply.handler.js';
import { ReceiveWebhookHandler } from './application/commands/receive-webhook/receive-webhook.handler.js';
import { RecordChannelConnectedHandler } from './application/commands/record-channel-connected/record-channel-connected.handler.js';
import { RecordChannelDisconnectedHandler } from './application/commands/record-channel-disconnected/record-channel-disconnected.handler.js';
import { AnswerWebhookChallengeHandler } from './application/queries/answer-webhook-challenge/answer-webhook-challenge.handler.js';
import { ListInteractionsHandler } from './application/queries/list-interactions/list-interactions.handler.js';
import { ListSavedRepliesHandler } from './application/queries/list-saved-replies/list-saved-replies.handler.js';
import { ChannelConnectedKafkaConsumer } from './infrastructure/messaging/channel-connected.kafka-consumer.js';
import { ChannelDisconnectedKafkaConsumer } from './infrastructure/messaging/channel-disconnected.kafka-consumer.js';
import { InboxChannelTypeormRepository } from './infrastructure/persistence/inbox-channel.typeorm-repository.js';
import { InteractionTypeormRepository } from './infrastructure/persistence/interaction.typeorm-repository.js';
import { SavedReplyOrmEntity } from './infrastructure/persistence/saved-reply.orm-entity.js';
import { SavedReplyTypeormRepository } from './infrastructure/persistence/saved-reply.typeorm-repository.js';
import { CreateSavedReplyTable1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-saved-reply-table.js';
import { CreateInboxTables1767398400000 } from './infrastructure/persistence/migrations/1767398400000-create-inbox-tables.js';
import { InteractionsHttpController } from './interface/http/interactions.http-controller.js';
import { SavedRepliesHttpController } from './interface/http/saved-replies.http-controller.js';
import { WebhooksHttpController } from './interface/http/webhooks.http-controller.js';
import { WebhookIntakeMetrics } from './community.metrics.js';
import { CHANNEL_DIRECTORY, INTERACTION_REPOSITORY, SAVED_REPLY_REPOSITORY } from './community.tokens.js';

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [SavedRepliesHttpController, InteractionsHttpController, WebhooksHttpController],
  providers: [
    CreateSavedReplyHandler,
    ListSavedRepliesHandler,
    ReceiveWebhookHandler,
    AnswerWebhookChallengeHandler,
    ListInteractionsHandler,
    RecordChannelConnectedHandler,
    RecordChannelDisconnectedHandler,
    ChannelConnectedKafkaConsumer,
    ChannelDisconnectedKafkaConsumer,
    WebhookIntakeMetrics,
    { provide: SAVED_REPLY_REPOSITORY, useClass: SavedReplyTypeormRepository },
    { provide: INTERACTION_REPOSITORY, useClass: InteractionTypeormRepository },
    { provide: CHANNEL_DIRECTORY, useClass: InboxChannelTypeormRepository },
  ],
})
export class CommunityModule {}

/**
 * How a host runs the community service. A host that loads connector plugins provides WEBHOOK_CONNECTORS
 * (see webhookConnectorsOf) so that the webhook intake can verify and parse deliveries.
 */
export const communityService: ServiceDefinition = {
  name: 'community',
  title: 'Chorus community API',
  description:
    'Inbox, moderation, crisis handling and leads. So far: the inbox fed by network webhooks, and saved replies.',
  module: CommunityModule,
  entities: [SavedReplyOrmEntity],
  migrations: [
    ...messagingMigrations('community'),
    CreateSavedReplyTable1767312000000,
    CreateInboxTables1767398400000,
  ],
  produces: true,
  consumers: [ChannelConnectedKafkaConsumer, ChannelDisconnectedKafkaConsumer],
  access: 'signed-identity',
  publicPath: '/api/community',
};
