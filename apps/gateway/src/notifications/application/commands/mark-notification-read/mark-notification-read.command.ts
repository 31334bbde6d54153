import { Command } from '@nestjs/cqrs';

/** Marks one of the member's notifications read; NotificationNotFoundError when it is not theirs. */
export class MarkNotificationReadCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
    readonly notificationId: string,
  ) {
    super();
  }
}
