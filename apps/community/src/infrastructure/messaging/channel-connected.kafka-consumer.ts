import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { channelConnectedV1, type ChannelConnectedV1, type EventEnvelope } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordChannelConnectedCommand } from '../../application/commands/record-channel-connected/record-channel-connected.command.js';

/** ChannelConnected v1 -> the channel directory that routes webhooks to their workspace. */
@Injectable()
export class ChannelConnectedKafkaConsumer implements MessageHandler<ChannelConnectedV1> {
  readonly contract = channelConnectedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<ChannelConnectedV1>): Promise<void> {
    if (event.workspaceId === null) {
      return; // a channel always belongs to a workspace; nothing to route to otherwise
    }
    await this.commands.execute(
      new RecordChannelConnectedCommand({
        channelId: event.payload.channelId,
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        network: event.payload.network,
        accountRemoteId: event.payload.account.remoteId,
        accountHandle: event.payload.account.handle,
      }),
    );
  }
}
