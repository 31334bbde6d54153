import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NOTIFICATION_STORE } from '../../../notifications.tokens.js';
import { NotificationNotFoundError } from '../../../domain/notification.errors.js';
import type { NotificationStore } from '../../ports/notification-store.port.js';
import { MarkNotificationReadCommand } from './mark-notification-read.command.js';

@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationReadCommand> {
  constructor(@Inject(NOTIFICATION_STORE) private readonly store: NotificationStore) {}

  async execute(command: MarkNotificationReadCommand): Promise<void> {
    const found = await this.store.markRead(
      command.tenantId,
      command.memberId,
      command.notificationId,
      new Date(),
    );
    if (!found) {
      throw new NotificationNotFoundError();
    }
  }
}
