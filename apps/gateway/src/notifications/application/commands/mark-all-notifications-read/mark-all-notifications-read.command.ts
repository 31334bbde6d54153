import { Command } from '@nestjs/cqrs';

/** Marks every unread notification of the member read; returns how many were unread. */
export class MarkAllNotificationsReadCommand extends Command<number> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
  ) {
    super();
  }
}
