import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { channelReauthRequiredV1, type ChannelReauthRequiredV1, type EventEnvelope } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordChannelEventCommand } from '../../application/commands/record-channel-event/record-channel-event.command.js';
import { channelOf } from './channel-event.mapper.js';

/** ChannelReauthRequired v1 -> posts due after the authorisation lapses are refused until it is reconnected. */
@Injectable()
export class ChannelReauthRequiredKafkaConsumer implements MessageHandler<ChannelReauthRequiredV1> {
  readonly contract = channelReauthRequiredV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<ChannelReauthRequiredV1>): Promise<void> {
    const channel = channelOf(event);
    if (channel !== null) {
      const by = event.payload.mustReconnectBy;
      await this.commands.execute(
        new RecordChannelEventCommand(channel, 'reauth-required', by === null ? null : new Date(by)),
      );
    }
  }
}
