import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type {
  NotificationWebhook,
  NotificationWebhooks,
  NotificationWebhookWithSecret,
} from '../../application/ports/notification-webhook.port.js';

interface WebhookRow {
  id: string;
  tenant_id: string;
  url: string;
  kinds: string[];
  description: string | null;
  created_at: Date | string;
  created_by: string;
  secret?: string;
}

const COLUMNS = 'id, tenant_id, url, kinds, description, created_at, created_by';

@Injectable()
export class NotificationWebhookTypeormRepository implements NotificationWebhooks {
  constructor(private readonly transactions: TenantTransactions) {}

  async add(webhook: NotificationWebhookWithSecret): Promise<void> {
    await this.transactions.run(webhook.tenantId, (tx) =>
      tx.query(
        `INSERT INTO gateway.notification_webhook (${COLUMNS}, secret) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          webhook.id,
          webhook.tenantId,
          webhook.url,
          webhook.kinds,
          webhook.description,
          webhook.createdAt,
          webhook.createdBy,
          webhook.secret,
        ],
      ),
    );
  }

  async list(tenantId: string): Promise<NotificationWebhook[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<WebhookRow>(
        `SELECT ${COLUMNS} FROM gateway.notification_webhook WHERE removed_at IS NULL ORDER BY id`,
      ),
    );
    return rows.map(toWebhook);
  }

  async subscribedTo(tenantId: string, kind: string): Promise<NotificationWebhook[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<WebhookRow>(
        `SELECT ${COLUMNS} FROM gateway.notification_webhook
          WHERE removed_at IS NULL AND (cardinality(kinds) = 0 OR $1 = ANY(kinds)) ORDER BY id`,
        [kind],
      ),
    );
    return rows.map(toWebhook);
  }

  async withSecret(tenantId: string, id: string): Promise<NotificationWebhookWithSecret | null> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<WebhookRow>(
        `SELECT ${COLUMNS}, secret FROM gateway.notification_webhook WHERE id = $1 AND removed_at IS NULL`,
        [id],
      ),
    );
    const row = rows[0];
    return row === undefined ? null : { ...toWebhook(row), secret: row.secret ?? '' };
  }

  async exists(tenantId: string, id: string): Promise<boolean> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query(`SELECT 1 FROM gateway.notification_webhook WHERE id = $1 AND removed_at IS NULL`, [id]),
    );
    return rows.length > 0;
  }

  /** Kept with removed_at (not deleted) so that its delivery log still names it. */
  async remove(tenantId: string, id: string): Promise<boolean> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query(
        `UPDATE gateway.notification_webhook SET removed_at = now()
          WHERE id = $1 AND removed_at IS NULL RETURNING id`,
        [id],
      ),
    );
    return rows.length > 0;
  }
}

function toWebhook(row: WebhookRow): NotificationWebhook {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    url: row.url,
    kinds: row.kinds,
    description: row.description,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
  };
}
