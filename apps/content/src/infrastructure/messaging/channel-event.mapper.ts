import type { EventEnvelope } from '@chorus/contracts';
import type { ContentChannel } from '../../domain/content-channel.entity.js';

type ChannelEventPayload = {
  readonly channelId: string;
  readonly network: string;
  readonly account: { readonly handle: string; readonly displayName: string };
};

/** The channel a gateway channel event names; null without a workspace (a channel always has one). */
export function channelOf(
  event: EventEnvelope<ChannelEventPayload>,
): Omit<ContentChannel, 'status' | 'mustReconnectBy'> | null {
  if (event.workspaceId === null) {
    return null;
  }
  return {
    channelId: event.payload.channelId,
    tenantId: event.tenantId,
    workspaceId: event.workspaceId,
    network: event.payload.network,
    handle: event.payload.account.handle,
    displayName: event.payload.account.displayName,
  };
}
