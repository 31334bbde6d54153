import { Command } from '@nestjs/cqrs';
import type { ChannelQueue } from '../../../domain/queue-slot.value-object.js';

export class SaveQueueCommand extends Command<ChannelQueue> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly queue: ChannelQueue,
    readonly by: string,
  ) {
    super();
  }
}
