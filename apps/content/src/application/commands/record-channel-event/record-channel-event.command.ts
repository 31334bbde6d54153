import { Command } from '@nestjs/cqrs';
import type { ContentChannel } from '../../../domain/content-channel.entity.js';

/** A gateway channel event, applied to content's channel directory. */
export class RecordChannelEventCommand extends Command<void> {
  constructor(
    readonly channel: Omit<ContentChannel, 'status' | 'mustReconnectBy'>,
    readonly status: ContentChannel['status'],
    readonly mustReconnectBy: Date | null = null,
  ) {
    super();
  }
}
