import { Query } from '@nestjs/cqrs';
import type { Notification } from '../../../domain/notification.entity.js';

/** For the live stream: notifications of these members of one agency created after `since`, oldest first. */
export class ListNotificationsSinceQuery extends Query<Notification[]> {
  constructor(
    readonly tenantId: string,
    readonly memberIds: readonly string[],
    readonly since: Date,
  ) {
    super();
  }
}
