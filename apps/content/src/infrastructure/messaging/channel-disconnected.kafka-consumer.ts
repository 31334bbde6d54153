import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { channelDisconnectedV1, type ChannelDisconnectedV1, type EventEnvelope } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordChannelEventCommand } from '../../application/commands/record-channel-event/record-channel-event.command.js';
import { channelOf } from './channel-event.mapper.js';

/** ChannelDisconnected v1 -> nothing new is scheduled on the channel. */
@Injectable()
export class ChannelDisconnectedKafkaConsumer implements MessageHandler<ChannelDisconnectedV1> {
  readonly contract = channelDisconnectedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<ChannelDisconnectedV1>): Promise<void> {
    const channel = channelOf(event);
    if (channel !== null) {
      await this.commands.execute(new RecordChannelEventCommand(channel, 'disconnected'));
    }
  }
}
