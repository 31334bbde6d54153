import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NOTIFICATION_STORE } from '../../../notifications.tokens.js';
import type { NotificationStore } from '../../ports/notification-store.port.js';
import { CountUnreadNotificationsQuery } from './count-unread-notifications.query.js';

@QueryHandler(CountUnreadNotificationsQuery)
export class CountUnreadNotificationsHandler implements IQueryHandler<CountUnreadNotificationsQuery> {
  constructor(@Inject(NOTIFICATION_STORE) private readonly store: NotificationStore) {}

  execute(query: CountUnreadNotificationsQuery): Promise<number> {
    return this.store.countUnread(query.tenantId, query.memberId);
  }
}
