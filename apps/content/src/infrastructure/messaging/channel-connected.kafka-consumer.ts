import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { channelConnectedV1, type ChannelConnectedV1, type EventEnvelope } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordChannelEventCommand } from '../../application/commands/record-channel-event/record-channel-event.command.js';
import { channelOf } from './channel-event.mapper.js';

/** ChannelConnected v1 -> content's channel directory: the channel can be targeted and scheduled. */
@Injectable()
export class ChannelConnectedKafkaConsumer implements MessageHandler<ChannelConnectedV1> {
  readonly contract = channelConnectedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<ChannelConnectedV1>): Promise<void> {
    const channel = channelOf(event);
    if (channel !== null) {
      await this.commands.execute(new RecordChannelEventCommand(channel, 'connected'));
    }
  }
}
