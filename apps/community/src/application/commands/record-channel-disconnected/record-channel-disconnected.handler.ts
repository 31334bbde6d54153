import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CHANNEL_DIRECTORY } from '../../../community.tokens.js';
import type { ChannelDirectory } from '../../ports/channel-directory.port.js';
import { RecordChannelDisconnectedCommand } from './record-channel-disconnected.command.js';

/** The channel stays in the directory, marked disconnected: its past interactions still name it. */
@CommandHandler(RecordChannelDisconnectedCommand)
export class RecordChannelDisconnectedHandler implements ICommandHandler<RecordChannelDisconnectedCommand> {
  constructor(@Inject(CHANNEL_DIRECTORY) private readonly directory: ChannelDirectory) {}

  async execute(command: RecordChannelDisconnectedCommand): Promise<void> {
    await this.directory.disconnect(command.tenantId, command.channelId);
  }
}
