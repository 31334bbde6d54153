import { Channel, type ChannelState } from '../../domain/channel/channel.aggregate.js';
import type { SealedSecret } from '../../application/ports/token-vault.port.js';
import { ChannelOrmEntity } from './channel.orm-entity.js';

export function channelToDomain(row: ChannelOrmEntity): Channel {
  return Channel.restore({
    id: row.id,
    tenantId: row.tenantId,
    workspaceId: row.workspaceId,
    network: row.network,
    account: {
      remoteId: row.remoteAccountId,
      handle: row.handle,
      displayName: row.displayName,
      avatarUrl: row.avatarUrl,
    },
    state: row.state as ChannelState,
    scopes: row.scopes,
    tokenExpiresAt: row.tokenExpiresAt,
    stateReason: row.stateReason,
    connectedById: row.connectedById,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

export function channelToPersistence(channel: Channel, sealed: SealedSecret | null): ChannelOrmEntity {
  const p = channel.snapshot();
  return Object.assign(new ChannelOrmEntity(), {
    id: p.id,
    tenantId: p.tenantId,
    workspaceId: p.workspaceId,
    network: p.network,
    remoteAccountId: p.account.remoteId,
    handle: p.account.handle,
    displayName: p.account.displayName,
    avatarUrl: p.account.avatarUrl,
    state: p.state,
    stateReason: p.stateReason,
    scopes: [...p.scopes],
    tokenExpiresAt: p.tokenExpiresAt,
    credentials: sealed,
    vaultKeyId: sealed?.keyId ?? null,
    connectedById: p.connectedById,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  });
}
