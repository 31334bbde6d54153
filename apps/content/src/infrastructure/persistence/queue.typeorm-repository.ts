import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { QueueRepository } from '../../application/ports/queue-repository.port.js';
import type { ChannelQueue, QueueSlot } from '../../domain/queue-slot.value-object.js';

interface QueueRow {
  channel_id: string;
  time_zone: string;
  slots: QueueSlot[];
}

@Injectable()
export class QueueTypeormRepository implements QueueRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async save(tenantId: string, workspaceId: string, queue: ChannelQueue, by: string): Promise<void> {
    await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `INSERT INTO content.queue (channel_id, tenant_id, workspace_id, time_zone, slots, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5::jsonb, now(), $6)
         ON CONFLICT (channel_id) DO UPDATE SET
           time_zone = EXCLUDED.time_zone, slots = EXCLUDED.slots, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [queue.channelId, tenantId, workspaceId, queue.timeZone, JSON.stringify(queue.slots), by],
      ),
    );
  }

  async list(tenantId: string, workspaceId: string): Promise<ChannelQueue[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<QueueRow>(
        `SELECT channel_id, time_zone, slots FROM content.queue WHERE workspace_id = $1 ORDER BY channel_id`,
        [workspaceId],
      ),
    );
    return rows.map(toQueue);
  }

  async find(tenantId: string, workspaceId: string, channelId: string): Promise<ChannelQueue | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<QueueRow>(
        `SELECT channel_id, time_zone, slots FROM content.queue WHERE workspace_id = $1 AND channel_id = $2`,
        [workspaceId, channelId],
      ),
    );
    return rows[0] === undefined ? null : toQueue(rows[0]);
  }
}

function toQueue(row: QueueRow): ChannelQueue {
  return { channelId: row.channel_id, timeZone: row.time_zone, slots: row.slots };
}
