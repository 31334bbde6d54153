import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NOTIFICATION_WEBHOOKS } from '../../../notifications.tokens.js';
import type { NotificationWebhook, NotificationWebhooks } from '../../ports/notification-webhook.port.js';
import { ListNotificationWebhooksQuery } from './list-notification-webhooks.query.js';

@QueryHandler(ListNotificationWebhooksQuery)
export class ListNotificationWebhooksHandler implements IQueryHandler<ListNotificationWebhooksQuery> {
  constructor(@Inject(NOTIFICATION_WEBHOOKS) private readonly webhooks: NotificationWebhooks) {}

  execute(query: ListNotificationWebhooksQuery): Promise<NotificationWebhook[]> {
    return this.webhooks.list(query.tenantId);
  }
}
