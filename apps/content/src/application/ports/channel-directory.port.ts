import type { ContentChannel } from '../../domain/content-channel.entity.js';

/** Content's own copy of the workspace channels, kept from the gateway's channel events. */
export interface ChannelDirectory {
  /** Inserts or updates the channel as connected (again). */
  connected(channel: Omit<ContentChannel, 'status' | 'mustReconnectBy'>): Promise<void>;
  disconnected(channel: Omit<ContentChannel, 'status' | 'mustReconnectBy'>): Promise<void>;
  reauthRequired(
    channel: Omit<ContentChannel, 'status' | 'mustReconnectBy'>,
    mustReconnectBy: Date | null,
  ): Promise<void>;
  /** The channels of one workspace (row-level security keeps other agencies' out). */
  list(tenantId: string, workspaceId: string): Promise<ContentChannel[]>;
  /** Any channel by id within the tenant, whatever its workspace: to tell "another workspace" from "unknown". */
  findInTenant(tenantId: string, channelIds: readonly string[]): Promise<ContentChannel[]>;
}
