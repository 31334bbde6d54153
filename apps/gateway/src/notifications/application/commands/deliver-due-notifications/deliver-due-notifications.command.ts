import { Command } from '@nestjs/cqrs';

/** One pass of the delivery worker: send what is due, record each attempt; returns how many were attempted. */
export class DeliverDueNotificationsCommand extends Command<number> {
  constructor(readonly limit = 20) {
    super();
  }
}
