import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NOTIFICATION_STORE } from '../../../notifications.tokens.js';
import type { Notification } from '../../../domain/notification.entity.js';
import type { NotificationStore } from '../../ports/notification-store.port.js';
import { ListNotificationsSinceQuery } from './list-notifications-since.query.js';

@QueryHandler(ListNotificationsSinceQuery)
export class ListNotificationsSinceHandler implements IQueryHandler<ListNotificationsSinceQuery> {
  constructor(@Inject(NOTIFICATION_STORE) private readonly store: NotificationStore) {}

  execute(query: ListNotificationsSinceQuery): Promise<Notification[]> {
    return this.store.createdSince(query.tenantId, query.memberIds, query.since);
  }
}
