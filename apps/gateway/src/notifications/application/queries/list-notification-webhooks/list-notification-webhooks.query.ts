import { Query } from '@nestjs/cqrs';
import type { NotificationWebhook } from '../../ports/notification-webhook.port.js';

export class ListNotificationWebhooksQuery extends Query<NotificationWebhook[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}
