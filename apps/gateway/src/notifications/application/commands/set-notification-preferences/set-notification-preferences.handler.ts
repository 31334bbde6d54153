import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NOTIFICATION_STORE } from '../../../notifications.tokens.js';
import type { NotificationStore } from '../../ports/notification-store.port.js';
import { SetNotificationPreferencesCommand } from './set-notification-preferences.command.js';

@CommandHandler(SetNotificationPreferencesCommand)
export class SetNotificationPreferencesHandler implements ICommandHandler<SetNotificationPreferencesCommand> {
  constructor(@Inject(NOTIFICATION_STORE) private readonly store: NotificationStore) {}

  execute(command: SetNotificationPreferencesCommand): Promise<void> {
    return this.store.savePreferences(command.tenantId, command.preferences);
  }
}
