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

/**
 * A refresh in flight (ADR 0018): the row was claimed in one short transaction; the network is called outside
 * any transaction; the result is written back only if the claim still holds and nobody changed the row.
 */
export interface RefreshClaim {
  readonly ref: ChannelRef;
  readonly claimId: string;
  readonly stored: StoredChannel;
  /** The row's updated_at when claimed: the fence refuses a write-back if anyone changed it since. */
  readonly seenUpdatedAt: Date;
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
  /**
   * Connected channels whose access token expires before `before` and that no live claim holds, every agency
   * (the refresh sweep): least recently attempted first, so rows that keep failing cannot starve the others.
   */
  expiringBefore(before: Date, limit: number, claimTtlMs: number): Promise<ChannelRef[]>;
  /** Claims a connected channel due before `dueBefore` unless a live claim holds it; null otherwise. */
  claimForRefresh(ref: ChannelRef, dueBefore: Date, claimTtlMs: number): Promise<RefreshClaim | null>;
  /** Writes the refreshed grant and credentials if the claim still holds (false: fenced out) and releases it. */
  saveRefreshed(claim: RefreshClaim, channel: Channel, sealed: SealedSecret): Promise<boolean>;
  /**
   * Runs `work` under the row lock only while the claim holds its fence (still ours, the channel connected and
   * unchanged since the claim): a refresh's failure must not flag a channel that was reconnected meanwhile.
   * Null when the fence refuses.
   */
  withClaim<T>(claim: RefreshClaim, work: (stored: StoredChannel) => Promise<T>): Promise<T | null>;
  /** Gives the claim up without writing (the refresh failed or was not possible). */
  releaseClaim(claim: RefreshClaim): Promise<void>;
  /**
   * Channels whose credentials are wrapped by another master key than `activeKeyId` (the re-wrap job), by id,
   * after `afterId` when given: a row that fails is passed over, not retried forever in the same pass.
   */
  wrappedByOtherKey(activeKeyId: string, limit: number, afterId?: string): Promise<ChannelRef[]>;
}
