import { Command } from '@nestjs/cqrs';

export class RecordChannelDisconnectedCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
