import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { ChannelDirectory } from '../../application/ports/channel-directory.port.js';
import type { InboxChannel } from '../../domain/inbox-channel.entity.js';

interface InboxChannelRow {
  channel_id: string;
  tenant_id: string;
  workspace_id: string;
  network: string;
  account_remote_id: string;
  account_handle: string;
  connected: boolean;
}

@Injectable()
export class InboxChannelTypeormRepository implements ChannelDirectory {
  constructor(private readonly transactions: TenantTransactions) {}

  async connect(channel: Omit<InboxChannel, 'connected'>): Promise<void> {
    await this.transactions.run(channel.tenantId, (tx) =>
      tx.query(
        `INSERT INTO community.inbox_channel
           (channel_id, tenant_id, workspace_id, network, account_remote_id, account_handle, connected, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, true, now())
         ON CONFLICT (channel_id) DO UPDATE SET
           network = EXCLUDED.network,
           account_remote_id = EXCLUDED.account_remote_id,
           account_handle = EXCLUDED.account_handle,
           connected = true,
           updated_at = now()`,
        [
          channel.channelId,
          channel.tenantId,
          channel.workspaceId,
          channel.network,
          channel.accountRemoteId,
          channel.accountHandle,
        ],
      ),
    );
  }

  async disconnect(tenantId: string, channelId: string): Promise<void> {
    await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `UPDATE community.inbox_channel SET connected = false, updated_at = now() WHERE channel_id = $1`,
        [channelId],
      ),
    );
  }

  // The one cross-tenant read of the intake: the tenant is what it is looking for.
  async findConnected(network: string, accountRemoteId: string): Promise<InboxChannel[]> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<InboxChannelRow>(
        `SELECT channel_id, tenant_id, workspace_id, network, account_remote_id, account_handle, connected
           FROM community.inbox_channel
          WHERE network = $1 AND account_remote_id = $2 AND connected
          ORDER BY channel_id`,
        [network, accountRemoteId],
      ),
    );
    return rows.map((row) => ({
      channelId: row.channel_id,
      tenantId: row.tenant_id,
      workspaceId: row.workspace_id,
      network: row.network,
      accountRemoteId: row.account_remote_id,
      accountHandle: row.account_handle,
      connected: row.connected,
    }));
  }
}
