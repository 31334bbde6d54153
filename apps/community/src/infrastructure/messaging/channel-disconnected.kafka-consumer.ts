import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { channelDisconnectedV1, type ChannelDisconnectedV1, type EventEnvelope } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordChannelDisconnectedCommand } from '../../application/commands/record-channel-disconnected/record-channel-disconnected.command.js';

/** ChannelDisconnected v1 -> webhooks for the channel's account are no longer stored for this workspace. */
@Injectable()
export class ChannelDisconnectedKafkaConsumer implements MessageHandler<ChannelDisconnectedV1> {
  readonly contract = channelDisconnectedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<ChannelDisconnectedV1>): Promise<void> {
    await this.commands.execute(
      new RecordChannelDisconnectedCommand(event.tenantId, event.payload.channelId),
    );
  }
}
