import { Inject, Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import { NOTIFICATION_SIGNAL } from '../../notifications.tokens.js';
import type {
  Delivery,
  DeliveryAttempt,
  DeliveryQueue,
  NewDelivery,
  OutboundMessage,
} from '../../application/ports/notification-delivery.port.js';
import type { NotificationSignal } from '../../application/ports/notification-signal.port.js';

interface DeliveryRow {
  id: string;
  tenant_id: string;
  kind: string;
  message: OutboundMessage;
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: Date | string | null;
  delivered_at: Date | string | null;
  created_at: Date | string;
  log: DeliveryAttempt[];
}

const COLUMNS =
  'id, tenant_id, kind, message, status, attempts, next_attempt_at, delivered_at, created_at, log';

/** The outbound queue in PostgreSQL: every gateway instance works it, none holds a transaction over a call. */
@Injectable()
export class NotificationDeliveryTypeormRepository implements DeliveryQueue {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(NOTIFICATION_SIGNAL) private readonly signal: NotificationSignal,
  ) {}

  async enqueue(deliveries: readonly NewDelivery[]): Promise<void> {
    const [first] = deliveries;
    if (first === undefined) {
      return;
    }
    await this.transactions.run(first.tenantId, async (tx) => {
      for (const d of deliveries) {
        await tx.query(
          `INSERT INTO gateway.notification_delivery
             (id, tenant_id, kind, channel, webhook_id, message, status, attempts, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $7)`,
          [
            d.id,
            d.tenantId,
            d.kind,
            d.message.channel,
            d.message.channel === 'webhook' ? d.message.webhookId : null,
            JSON.stringify(d.message),
            d.createdAt,
          ],
        );
      }
      tx.afterCommit(() => this.signal.raised());
    });
  }

  async claimDue(limit: number, now: Date, leaseMs: number): Promise<Delivery[]> {
    const rows = await this.transactions.asSystem((tx) =>
      tx.query<DeliveryRow>(
        `UPDATE gateway.notification_delivery SET next_attempt_at = $3
          WHERE id IN (
            SELECT id FROM gateway.notification_delivery
             WHERE status = 'pending' AND next_attempt_at <= $1
             ORDER BY next_attempt_at LIMIT $2
             FOR UPDATE SKIP LOCKED)
          RETURNING ${COLUMNS}`,
        [now, limit, new Date(now.getTime() + leaseMs)],
      ),
    );
    return rows.map(toDelivery);
  }

  async record(delivery: Delivery, attempt: DeliveryAttempt, retryAt: Date | null): Promise<void> {
    const status = attempt.ok ? 'delivered' : retryAt === null ? 'failed' : 'pending';
    await this.transactions.run(delivery.tenantId, (tx) =>
      tx.query(
        `UPDATE gateway.notification_delivery
            SET status = $2, attempts = $3, next_attempt_at = $4, delivered_at = $5,
                log = log || $6::jsonb
          WHERE id = $1`,
        [
          delivery.id,
          status,
          attempt.attempt,
          status === 'pending' ? retryAt : null,
          attempt.ok ? new Date() : null,
          JSON.stringify([attempt]),
        ],
      ),
    );
  }

  async listForWebhook(tenantId: string, webhookId: string, limit: number): Promise<Delivery[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<DeliveryRow>(
        `SELECT ${COLUMNS} FROM gateway.notification_delivery
          WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2`,
        [webhookId, limit],
      ),
    );
    return rows.map(toDelivery);
  }
}

function toDelivery(row: DeliveryRow): Delivery {
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    message: row.message,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: date(row.next_attempt_at),
    deliveredAt: date(row.delivered_at),
    createdAt: new Date(row.created_at),
    log: row.log,
  };
}
