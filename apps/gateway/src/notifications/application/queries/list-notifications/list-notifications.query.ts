import { Query } from '@nestjs/cqrs';
import type { Notification } from '../../../domain/notification.entity.js';
import type { NotificationPage } from '../../ports/notification-store.port.js';

/** A page of the member's notifications, newest first. */
export class ListNotificationsQuery extends Query<Notification[]> {
  constructor(readonly page: NotificationPage) {
    super();
  }
}
