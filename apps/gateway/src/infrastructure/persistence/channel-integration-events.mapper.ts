import {
  channelConnectedV1,
  channelDisconnectedV1,
  channelReauthRequiredV1,
  createEnvelope,
  type EventEnvelope,
} from '@chorus/contracts';
import { currentCorrelationId } from '@chorus/service-kit';
import type { ChannelProps } from '../../domain/channel/channel.aggregate.js';
import { ChannelConnectedEvent } from '../../domain/channel/events/channel-connected.event.js';
import { ChannelDisconnectedEvent } from '../../domain/channel/events/channel-disconnected.event.js';
import { ChannelReauthRequiredEvent } from '../../domain/channel/events/channel-reauth-required.event.js';

/** Domain events -> the published contracts: who the account is, never a token. */
export function channelIntegrationEvents(events: readonly object[]): EventEnvelope[] {
  return events.flatMap((event): EventEnvelope[] => {
    if (event instanceof ChannelConnectedEvent) {
      return [
        createEnvelope(channelConnectedV1, meta(event.channel), {
          channelId: event.channel.id,
          network: event.channel.network,
          account: account(event.channel),
          avatarUrl: validUrl(event.channel.account.avatarUrl),
          capabilities: [...event.capabilities],
          connectedById: event.connectedById,
        }),
      ];
    }
    if (event instanceof ChannelDisconnectedEvent) {
      return [
        createEnvelope(channelDisconnectedV1, meta(event.channel), {
          channelId: event.channel.id,
          network: event.channel.network,
          account: account(event.channel),
          reason: event.reason,
          disconnectedById: event.disconnectedById,
        }),
      ];
    }
    if (event instanceof ChannelReauthRequiredEvent) {
      return [
        createEnvelope(channelReauthRequiredV1, meta(event.channel), {
          channelId: event.channel.id,
          network: event.channel.network,
          account: account(event.channel),
          reason: { code: event.code, message: event.message.slice(0, 1000) || 'Reconnect the channel' },
          mustReconnectBy: null,
        }),
      ];
    }
    return [];
  });
}

function meta(channel: ChannelProps) {
  return {
    tenantId: channel.tenantId,
    workspaceId: channel.workspaceId,
    correlationId: currentCorrelationId(),
    occurredAt: channel.updatedAt,
  };
}

function account(channel: ChannelProps) {
  return {
    remoteId: channel.account.remoteId,
    handle: channel.account.handle,
    displayName: channel.account.displayName,
  };
}

function validUrl(value: string | null): string | null {
  return value !== null && URL.canParse(value) ? value : null;
}
