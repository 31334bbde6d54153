import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { CalendarFeedLinks } from '../application/ports/calendar-feed-links.port.js';

interface FeedRow {
  generation: number;
  rotated_at: Date | string;
}

@Injectable()
export class CalendarFeedLinksTypeormRepository implements CalendarFeedLinks {
  constructor(private readonly transactions: TenantTransactions) {}

  async generation(tenantId: string, workspaceId: string): Promise<number> {
    return (await this.row(tenantId, workspaceId))?.generation ?? 1;
  }

  async revoke(
    tenantId: string,
    workspaceId: string,
    by: string,
    now: Date,
  ): Promise<{ generation: number }> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ generation: number }>(
        `INSERT INTO content.calendar_feed (workspace_id, tenant_id, generation, rotated_at, rotated_by)
         VALUES ($1, $2, 2, $3, $4)
         ON CONFLICT (workspace_id) DO UPDATE SET generation = content.calendar_feed.generation + 1,
           rotated_at = EXCLUDED.rotated_at, rotated_by = EXCLUDED.rotated_by
         RETURNING generation`,
        [workspaceId, tenantId, now, by],
      ),
    );
    return { generation: rows[0]!.generation };
  }

  async revokedAt(tenantId: string, workspaceId: string): Promise<Date | null> {
    const row = await this.row(tenantId, workspaceId);
    return row === null ? null : new Date(row.rotated_at);
  }

  private async row(tenantId: string, workspaceId: string): Promise<FeedRow | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<FeedRow>(`SELECT generation, rotated_at FROM content.calendar_feed WHERE workspace_id = $1`, [
        workspaceId,
      ]),
    );
    return rows[0] ?? null;
  }
}
