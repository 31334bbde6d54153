import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { ChannelDirectory } from '../../application/ports/channel-directory.port.js';
import type { ContentChannel } from '../../domain/content-channel.entity.js';

interface ChannelRow {
  channel_id: string;
  tenant_id: string;
  workspace_id: string;
  network: string;
  handle: string;
  display_name: string;
  status: ContentChannel['status'];
  must_reconnect_by: Date | string | null;
}

type ChannelIdentity = Omit<ContentChannel, 'status' | 'mustReconnectBy'>;

@Injectable()
export class ChannelDirectoryTypeormRepository implements ChannelDirectory {
  constructor(private readonly transactions: TenantTransactions) {}

  connected(channel: ChannelIdentity): Promise<void> {
    return this.upsert(channel, 'connected', null);
  }

  disconnected(channel: ChannelIdentity): Promise<void> {
    return this.upsert(channel, 'disconnected', null);
  }

  reauthRequired(channel: ChannelIdentity, mustReconnectBy: Date | null): Promise<void> {
    return this.upsert(channel, 'reauth-required', mustReconnectBy);
  }

  async list(tenantId: string, workspaceId: string): Promise<ContentChannel[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<ChannelRow>(`SELECT * FROM content.channel WHERE workspace_id = $1 ORDER BY network, handle`, [
        workspaceId,
      ]),
    );
    return rows.map(toChannel);
  }

  async findInTenant(tenantId: string, channelIds: readonly string[]): Promise<ContentChannel[]> {
    if (channelIds.length === 0) {
      return [];
    }
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<ChannelRow>(`SELECT * FROM content.channel WHERE channel_id = ANY($1::uuid[])`, [
        [...channelIds],
      ]),
    );
    return rows.map(toChannel);
  }

  private async upsert(
    channel: ChannelIdentity,
    status: ContentChannel['status'],
    mustReconnectBy: Date | null,
  ): Promise<void> {
    await this.transactions.run(channel.tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.channel
           (channel_id, tenant_id, workspace_id, network, handle, display_name, status, must_reconnect_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (channel_id) DO UPDATE SET
           network = EXCLUDED.network,
           handle = EXCLUDED.handle,
           display_name = EXCLUDED.display_name,
           status = EXCLUDED.status,
           must_reconnect_by = EXCLUDED.must_reconnect_by,
           updated_at = now()`,
        [
          channel.channelId,
          channel.tenantId,
          channel.workspaceId,
          channel.network,
          channel.handle,
          channel.displayName,
          status,
          mustReconnectBy,
        ],
      ),
    );
  }
}

function toChannel(row: ChannelRow): ContentChannel {
  return {
    channelId: row.channel_id,
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    network: row.network,
    handle: row.handle,
    displayName: row.display_name,
    status: row.status,
    mustReconnectBy: row.must_reconnect_by === null ? null : new Date(row.must_reconnect_by),
  };
}
