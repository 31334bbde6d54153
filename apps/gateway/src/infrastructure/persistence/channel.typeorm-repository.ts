import { Inject, Injectable } from '@nestjs/common';
import { LessThan, Not } from 'typeorm';
import type { Outbox } from '@chorus/messaging';
import { OUTBOX, TenantTransactions } from '@chorus/service-kit';
import type {
  ChannelRef,
  ChannelRepository,
  StoredChannel,
} from '../../application/ports/channel-repository.port.js';
import type { SealedSecret } from '../../application/ports/token-vault.port.js';
import type { Channel } from '../../domain/channel/channel.aggregate.js';
import { ChannelConnectedMeanwhileError } from '../../domain/channel/channel.errors.js';
import { channelIntegrationEvents } from './channel-integration-events.mapper.js';
import { channelToDomain, channelToPersistence } from './channel.mapper.js';
import { ChannelOrmEntity } from './channel.orm-entity.js';

const UNIQUE_VIOLATION = '23505';

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

  async expiringBefore(before: Date, limit: number): Promise<ChannelRef[]> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.manager.find(ChannelOrmEntity, {
        select: { id: true, tenantId: true },
        where: { state: 'connected', tokenExpiresAt: LessThan(before) },
        order: { tokenExpiresAt: 'ASC' },
        take: limit,
      }),
    );
    return rows.map((r) => ({ tenantId: r.tenantId, channelId: r.id }));
  }

  async wrappedByOtherKey(activeKeyId: string, limit: number): Promise<ChannelRef[]> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.manager.find(ChannelOrmEntity, {
        select: { id: true, tenantId: true },
        where: { vaultKeyId: Not(activeKeyId) },
        take: limit,
      }),
    );
    return rows.map((r) => ({ tenantId: r.tenantId, channelId: r.id }));
  }
}

function stored(row: ChannelOrmEntity | null): StoredChannel | null {
  return row === null ? null : { channel: channelToDomain(row), sealed: row.credentials };
}
