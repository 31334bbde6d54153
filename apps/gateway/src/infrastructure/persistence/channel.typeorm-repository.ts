import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MoreThan, Not } from 'typeorm';
import type { Outbox } from '@chorus/messaging';
import { OUTBOX, TenantTransactions } from '@chorus/service-kit';
import type {
  ChannelRef,
  ChannelRepository,
  RefreshClaim,
  StoredChannel,
} from '../../application/ports/channel-repository.port.js';
import type { SealedSecret } from '../../application/ports/token-vault.port.js';
import type { Channel } from '../../domain/channel/channel.aggregate.js';
import { ChannelConnectedMeanwhileError } from '../../domain/channel/channel.errors.js';
import { channelIntegrationEvents } from './channel-integration-events.mapper.js';
import { channelToDomain, channelToPersistence } from './channel.mapper.js';
import { ChannelOrmEntity } from './channel.orm-entity.js';

const UNIQUE_VIOLATION = '23505';
/** No claim, or one older than its time to live (parameter $2, ms): its holder crashed or hung. */
const UNCLAIMED =
  "(refresh_claimed_at IS NULL OR refresh_claimed_at < now() - $2 * interval '1 millisecond')";

@Injectable()
export class ChannelTypeormRepository implements ChannelRepository {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(OUTBOX) private readonly outbox: Outbox,
  ) {}

  async save(channel: Channel, sealed: SealedSecret | null): Promise<void> {
    const row = channelToPersistence(channel, sealed);
    await this.transactions.run(row.tenantId, async (tx) => {
      await tx.manager.upsert(ChannelOrmEntity, row, ['id']).catch((error: unknown) => {
        // The account's other channel row, inserted by a connection that committed first.
        throw (error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION
          ? new ChannelConnectedMeanwhileError()
          : error;
      });
      await this.outbox.add(tx, channelIntegrationEvents(channel.pendingEvents()));
    });
    channel.clearPendingEvents();
  }

  async findInWorkspace(
    tenantId: string,
    workspaceId: string,
    channelId: string,
  ): Promise<StoredChannel | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOneBy(ChannelOrmEntity, { id: channelId, workspaceId }),
    );
    return stored(row);
  }

  async findByAccount(
    tenantId: string,
    workspaceId: string,
    network: string,
    remoteId: string,
  ): Promise<StoredChannel | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOneBy(ChannelOrmEntity, { workspaceId, network, remoteAccountId: remoteId }),
    );
    return stored(row);
  }

  async find(ref: ChannelRef): Promise<StoredChannel | null> {
    const row = await this.transactions.run(ref.tenantId, (tx) =>
      tx.manager.findOneBy(ChannelOrmEntity, { id: ref.channelId }),
    );
    return stored(row);
  }

  async list(tenantId: string, workspaceId: string): Promise<Channel[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(ChannelOrmEntity, { where: { workspaceId }, order: { createdAt: 'DESC' } }),
    );
    return rows.map(channelToDomain);
  }

  async withLock<T>(ref: ChannelRef, work: (found: StoredChannel) => Promise<T>): Promise<T | null> {
    return this.transactions.run(ref.tenantId, async (tx) => {
      const row = await tx.manager.findOne(ChannelOrmEntity, {
        where: { id: ref.channelId },
        lock: { mode: 'pessimistic_write' },
      });
      return row === null ? null : work(stored(row)!);
    });
  }

  async expiringBefore(before: Date, limit: number, claimTtlMs: number): Promise<ChannelRef[]> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<{ id: string; tenant_id: string }>(
        `SELECT id, tenant_id FROM gateway.channel
          WHERE state = 'connected' AND token_expires_at < $1 AND ${UNCLAIMED}
          ORDER BY refresh_attempted_at ASC NULLS FIRST, token_expires_at ASC
          LIMIT $3`,
        [before, claimTtlMs, limit],
      ),
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, channelId: r.id }));
  }

  async claimForRefresh(ref: ChannelRef, dueBefore: Date, claimTtlMs: number): Promise<RefreshClaim | null> {
    const claimId = randomUUID();
    const row = await this.transactions.run(ref.tenantId, async (tx) => {
      const claimed = await tx.query<{ id: string }>(
        `UPDATE gateway.channel
            SET refresh_claim_id = $3, refresh_claimed_at = now(), refresh_attempted_at = now()
          WHERE state = 'connected' AND token_expires_at < $1 AND ${UNCLAIMED} AND id = $4
          RETURNING id`,
        [dueBefore, claimTtlMs, claimId, ref.channelId],
      );
      return claimed.length === 0 ? null : tx.manager.findOneBy(ChannelOrmEntity, { id: ref.channelId });
    });
    return row === null
      ? null
      : { ref, claimId, stored: stored(row)!, seenUpdatedAt: new Date(row.updatedAt) };
  }

  async saveRefreshed(claim: RefreshClaim, channel: Channel, sealed: SealedSecret): Promise<boolean> {
    const row = channelToPersistence(channel, sealed);
    const seen = claim.seenUpdatedAt;
    return this.transactions.run(claim.ref.tenantId, async (tx) => {
      // The fence: our claim still holds, and nobody reconnected, disconnected or marked the channel meanwhile.
      const written = await tx.query<{ id: string }>(
        `UPDATE gateway.channel
            SET credentials = $3, vault_key_id = $4, scopes = $5, token_expires_at = $6, updated_at = $7,
                refresh_claim_id = NULL, refresh_claimed_at = NULL
          WHERE id = $1 AND refresh_claim_id = $2 AND state = 'connected'
            AND date_trunc('milliseconds', updated_at) = date_trunc('milliseconds', $8::timestamptz)
          RETURNING id`,
        [
          claim.ref.channelId,
          claim.claimId,
          JSON.stringify(sealed),
          row.vaultKeyId,
          row.scopes,
          row.tokenExpiresAt,
          row.updatedAt,
          seen,
        ],
      );
      return written.length > 0;
    });
  }

  async withClaim<T>(claim: RefreshClaim, work: (found: StoredChannel) => Promise<T>): Promise<T | null> {
    return this.transactions.run(claim.ref.tenantId, async (tx) => {
      // The same fence as saveRefreshed, taken FOR UPDATE so that nobody reconnects between check and work.
      const fenced = await tx.query<{ id: string }>(
        `SELECT id FROM gateway.channel
          WHERE id = $1 AND refresh_claim_id = $2 AND state = 'connected'
            AND date_trunc('milliseconds', updated_at) = date_trunc('milliseconds', $3::timestamptz)
          FOR UPDATE`,
        [claim.ref.channelId, claim.claimId, claim.seenUpdatedAt],
      );
      if (fenced.length === 0) {
        return null;
      }
      const row = await tx.manager.findOneBy(ChannelOrmEntity, { id: claim.ref.channelId });
      return work(stored(row)!);
    });
  }

  async releaseClaim(claim: RefreshClaim): Promise<void> {
    await this.transactions.run(claim.ref.tenantId, (tx) =>
      tx.query(
        `UPDATE gateway.channel SET refresh_claim_id = NULL, refresh_claimed_at = NULL
          WHERE id = $1 AND refresh_claim_id = $2`,
        [claim.ref.channelId, claim.claimId],
      ),
    );
  }

  async wrappedByOtherKey(activeKeyId: string, limit: number, afterId?: string): Promise<ChannelRef[]> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.manager.find(ChannelOrmEntity, {
        select: { id: true, tenantId: true },
        where: { vaultKeyId: Not(activeKeyId), ...(afterId === undefined ? {} : { id: MoreThan(afterId) }) },
        order: { id: 'ASC' },
        take: limit,
      }),
    );
    return rows.map((r) => ({ tenantId: r.tenantId, channelId: r.id }));
  }
}

function stored(row: ChannelOrmEntity | null): StoredChannel | null {
  return row === null ? null : { channel: channelToDomain(row), sealed: row.credentials };
}
