import type { InboxChannel } from '../../domain/inbox-channel.entity.js';

/** The community service's own copy of the workspace channels, kept from the gateway's channel events. */
export interface ChannelDirectory {
  /** Inserts or updates the channel (connected again after a disconnection). */
  connect(channel: Omit<InboxChannel, 'connected'>): Promise<void>;
  disconnect(tenantId: string, channelId: string): Promise<void>;
  /**
   * Every connected channel of this account, across tenants: a webhook arrives before anyone knows whose it
   * is. Usually one; more when several workspaces connected the same account.
   */
  findConnected(network: string, accountRemoteId: string): Promise<InboxChannel[]>;
}
