import { Module } from '@nestjs/common';
import { CreateNotificationWebhookHandler } from './application/commands/create-notification-webhook/create-notification-webhook.handler.js';
import { DeliverDueNotificationsHandler } from './application/commands/deliver-due-notifications/deliver-due-notifications.handler.js';
import { MarkAllNotificationsReadHandler } from './application/commands/mark-all-notifications-read/mark-all-notifications-read.handler.js';
import { MarkNotificationReadHandler } from './application/commands/mark-notification-read/mark-notification-read.handler.js';
import { RaiseNotificationHandler } from './application/commands/raise-notification/raise-notification.handler.js';
import { RemoveNotificationWebhookHandler } from './application/commands/remove-notification-webhook/remove-notification-webhook.handler.js';
import { SetNotificationPreferencesHandler } from './application/commands/set-notification-preferences/set-notification-preferences.handler.js';
import { CountUnreadNotificationsHandler } from './application/queries/count-unread-notifications/count-unread-notifications.handler.js';
import { GetNotificationPreferencesHandler } from './application/queries/get-notification-preferences/get-notification-preferences.handler.js';
import { ListNotificationWebhooksHandler } from './application/queries/list-notification-webhooks/list-notification-webhooks.handler.js';
import { ListNotificationsSinceHandler } from './application/queries/list-notifications-since/list-notifications-since.handler.js';
import { ListNotificationsHandler } from './application/queries/list-notifications/list-notifications.handler.js';
import { ListWebhookDeliveriesHandler } from './application/queries/list-webhook-deliveries/list-webhook-deliveries.handler.js';
import { NotificationDeliveryWorker } from './infrastructure/delivery/notification-delivery.worker.js';
import { InProcessNotificationSignal } from './infrastructure/delivery/notification-signal.adapter.js';
import { FetchWebhookTransport } from './infrastructure/delivery/webhook-http.adapter.js';
import { NotificationRequestedV2KafkaConsumer } from './infrastructure/messaging/notification-requested-v2.kafka-consumer.js';
import { NotificationRequestedKafkaConsumer } from './infrastructure/messaging/notification-requested.kafka-consumer.js';
import { PostFailedKafkaConsumer } from './infrastructure/messaging/post-failed.kafka-consumer.js';
import { PostNeedsReviewKafkaConsumer } from './infrastructure/messaging/post-needs-review.kafka-consumer.js';
import { CreateNotificationTables1767600000000 } from './infrastructure/persistence/migrations/1767600000000-create-notification-tables.js';
import { NotificationDeliveryTypeormRepository } from './infrastructure/persistence/notification-delivery.typeorm-repository.js';
import { NotificationWebhookTypeormRepository } from './infrastructure/persistence/notification-webhook.typeorm-repository.js';
import { NotificationTypeormRepository } from './infrastructure/persistence/notification.typeorm-repository.js';
import { RecipientDirectoryTypeormRepository } from './infrastructure/persistence/recipient-directory.typeorm-repository.js';
import { NotificationPreferencesHttpController } from './interface/http/notification-preferences.http-controller.js';
import { NotificationStreamHttpController } from './interface/http/notification-stream.http-controller.js';
import { NotificationWebhooksHttpController } from './interface/http/notification-webhooks.http-controller.js';
import { NotificationsHttpController } from './interface/http/notifications.http-controller.js';
import {
  DELIVERY_QUEUE,
  NOTIFICATION_SIGNAL,
  NOTIFICATION_STORE,
  NOTIFICATION_WEBHOOKS,
  RECIPIENT_DIRECTORY,
  WEBHOOK_TRANSPORT,
} from './notifications.tokens.js';
import { SealWebhookSecretsHandler } from './application/commands/seal-webhook-secrets/seal-webhook-secrets.handler.js';

/**
 * The notification centre (docs/adr/0015): services emit events, the gateway decides who hears of them and
 * delivers in the console (live), by e-mail (the gateway's MailSender) and to the agency's signed webhooks.
 */
@Module({
  controllers: [
    NotificationPreferencesHttpController,
    NotificationStreamHttpController,
    NotificationsHttpController,
    NotificationWebhooksHttpController,
  ],
  providers: [
    RaiseNotificationHandler,
    MarkNotificationReadHandler,
    MarkAllNotificationsReadHandler,
    SetNotificationPreferencesHandler,
    CreateNotificationWebhookHandler,
    RemoveNotificationWebhookHandler,
    SealWebhookSecretsHandler,
    DeliverDueNotificationsHandler,
    ListNotificationsHandler,
    CountUnreadNotificationsHandler,
    ListNotificationsSinceHandler,
    GetNotificationPreferencesHandler,
    ListNotificationWebhooksHandler,
    ListWebhookDeliveriesHandler,
    PostFailedKafkaConsumer,
    PostNeedsReviewKafkaConsumer,
    NotificationRequestedKafkaConsumer,
    NotificationRequestedV2KafkaConsumer,
    NotificationDeliveryWorker,
    { provide: NOTIFICATION_SIGNAL, useClass: InProcessNotificationSignal },
    { provide: NOTIFICATION_STORE, useClass: NotificationTypeormRepository },
    { provide: DELIVERY_QUEUE, useClass: NotificationDeliveryTypeormRepository },
    { provide: NOTIFICATION_WEBHOOKS, useClass: NotificationWebhookTypeormRepository },
    { provide: RECIPIENT_DIRECTORY, useClass: RecipientDirectoryTypeormRepository },
    { provide: WEBHOOK_TRANSPORT, useClass: FetchWebhookTransport },
  ],
})
export class NotificationsModule {}

/** For the gateway's ServiceDefinition. */
export const notificationMigrations = [CreateNotificationTables1767600000000];
export const notificationConsumers = [
  PostFailedKafkaConsumer,
  PostNeedsReviewKafkaConsumer,
  NotificationRequestedKafkaConsumer,
  NotificationRequestedV2KafkaConsumer,
];
