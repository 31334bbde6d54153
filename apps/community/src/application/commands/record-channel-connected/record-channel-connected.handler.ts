import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CHANNEL_DIRECTORY } from '../../../community.tokens.js';
import type { ChannelDirectory } from '../../ports/channel-directory.port.js';
import { RecordChannelConnectedCommand } from './record-channel-connected.command.js';

@CommandHandler(RecordChannelConnectedCommand)
export class RecordChannelConnectedHandler implements ICommandHandler<RecordChannelConnectedCommand> {
  constructor(@Inject(CHANNEL_DIRECTORY) private readonly directory: ChannelDirectory) {}

  async execute(command: RecordChannelConnectedCommand): Promise<void> {
    await this.directory.connect(command.channel);
  }
}
