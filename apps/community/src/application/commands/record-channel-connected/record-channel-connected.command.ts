import { Command } from '@nestjs/cqrs';
import type { InboxChannel } from '../../../domain/inbox-channel.entity.js';

export class RecordChannelConnectedCommand extends Command<void> {
  constructor(readonly channel: Omit<InboxChannel, 'connected'>) {
    super();
  }
}
