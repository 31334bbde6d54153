import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NOTIFICATION_STORE } from '../../../notifications.tokens.js';
import type { NotificationStore } from '../../ports/notification-store.port.js';
import { MarkAllNotificationsReadCommand } from './mark-all-notifications-read.command.js';

@CommandHandler(MarkAllNotificationsReadCommand)
export class MarkAllNotificationsReadHandler implements ICommandHandler<MarkAllNotificationsReadCommand> {
  constructor(@Inject(NOTIFICATION_STORE) private readonly store: NotificationStore) {}

  execute(command: MarkAllNotificationsReadCommand): Promise<number> {
    return this.store.markAllRead(command.tenantId, command.memberId, new Date());
  }
}
