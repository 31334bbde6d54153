import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NOTIFICATION_STORE } from '../../../notifications.tokens.js';
import type { Notification } from '../../../domain/notification.entity.js';
import type { NotificationStore } from '../../ports/notification-store.port.js';
import { ListNotificationsQuery } from './list-notifications.query.js';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(@Inject(NOTIFICATION_STORE) private readonly store: NotificationStore) {}

  execute(query: ListNotificationsQuery): Promise<Notification[]> {
    return this.store.list(query.page);
  }
}
