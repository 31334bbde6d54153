import type { Channel } from '../../domain/channel/channel.aggregate.js';
import type { SealedSecret } from './token-vault.port.js';

/** A channel with its credentials as stored: sealed by the vault, null once disconnected. */
export interface StoredChannel {
  readonly channel: Channel;
  readonly sealed: SealedSecret | null;
}

export interface ChannelRef {
  readonly tenantId: string;
  readonly channelId: string;
}

export interface ChannelRepository {
  /** Inserts or updates the row and its sealed credentials; the pending events go to the outbox, same transaction. */
  save(channel: Channel, sealed: SealedSecret | null): Promise<void>;
  findInWorkspace(tenantId: string, workspaceId: string, channelId: string): Promise<StoredChannel | null>;
  findByAccount(
    tenantId: string,
    workspaceId: string,
    network: string,
    remoteId: string,
  ): Promise<StoredChannel | null>;
  /** Every channel of the workspace, disconnected ones included (their state is visible), newest first. */
  /** By id in any workspace of the tenant (services ask by channel id). */
  find(ref: ChannelRef): Promise<StoredChannel | null>;
  list(tenantId: string, workspaceId: string): Promise<Channel[]>;
  /**
   * Runs `work` holding a row lock on the channel (any workspace of the tenant): refreshes of one channel never
   * overlap, across gateway instances, because a rotating refresh token works once. Null when there is none.
   */
  withLock<T>(ref: ChannelRef, work: (stored: StoredChannel) => Promise<T>): Promise<T | null>;
  /** Connected channels whose access token expires before `before`, every agency (the refresh sweep). */
  expiringBefore(before: Date, limit: number): Promise<ChannelRef[]>;
  /** Channels whose credentials are wrapped by another master key than `activeKeyId` (the re-wrap job). */
  wrappedByOtherKey(activeKeyId: string, limit: number): Promise<ChannelRef[]>;
}
