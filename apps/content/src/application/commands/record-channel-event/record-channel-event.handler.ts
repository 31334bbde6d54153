import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CHANNEL_DIRECTORY } from '../../../content.tokens.js';
import type { ChannelDirectory } from '../../ports/channel-directory.port.js';
import { RecordChannelEventCommand } from './record-channel-event.command.js';

@CommandHandler(RecordChannelEventCommand)
export class RecordChannelEventHandler implements ICommandHandler<RecordChannelEventCommand> {
  constructor(@Inject(CHANNEL_DIRECTORY) private readonly directory: ChannelDirectory) {}

  async execute(command: RecordChannelEventCommand): Promise<void> {
    switch (command.status) {
      case 'connected':
        return this.directory.connected(command.channel);
      case 'disconnected':
        return this.directory.disconnected(command.channel);
      case 'reauth-required':
        return this.directory.reauthRequired(command.channel, command.mustReconnectBy);
    }
  }
}
