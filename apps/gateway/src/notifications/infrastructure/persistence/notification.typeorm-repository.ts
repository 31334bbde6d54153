import { Inject, Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import { NOTIFICATION_SIGNAL } from '../../notifications.tokens.js';
import type { NotificationSignal } from '../../application/ports/notification-signal.port.js';
import type {
  NotificationPage,
  NotificationStore,
  StoredPreference,
} from '../../application/ports/notification-store.port.js';
import type { Notification, NotificationObject } from '../../domain/notification.entity.js';

interface NotificationRow {
  id: string;
  tenant_id: string;
  workspace_id: string | null;
  recipient_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  object: NotificationObject | null;
  source: string;
  created_at: Date | string;
  read_at: Date | string | null;
}

const COLUMNS =
  'id, tenant_id, workspace_id, recipient_id, kind, title, body, link, object, source, created_at, read_at';

@Injectable()
export class NotificationTypeormRepository implements NotificationStore {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(NOTIFICATION_SIGNAL) private readonly signal: NotificationSignal,
  ) {}

  async add(notifications: readonly Notification[], eventId: string | null): Promise<void> {
    const [first] = notifications;
    if (first === undefined) {
      return;
    }
    await this.transactions.run(first.tenantId, async (tx) => {
      for (const n of notifications) {
        await tx.query(
          `INSERT INTO gateway.notification (${COLUMNS}, event_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, $12)
           ON CONFLICT (event_id, recipient_id) DO NOTHING`,
          [
            n.id,
            n.tenantId,
            n.workspaceId,
            n.recipientId,
            n.kind,
            n.title,
            n.body,
            n.link,
            n.object === null ? null : JSON.stringify(n.object),
            n.source,
            n.createdAt,
            eventId,
          ],
        );
      }
      tx.afterCommit(() => this.signal.raised());
    });
  }

  async list(page: NotificationPage): Promise<Notification[]> {
    const params: unknown[] = [page.recipientId, page.limit];
    const where = ['recipient_id = $1'];
    if (page.unreadOnly) {
      where.push('read_at IS NULL');
    }
    if (page.workspaceId !== undefined) {
      params.push(page.workspaceId);
      where.push(`workspace_id = $${params.length}`);
    }
    if (page.before !== undefined) {
      params.push(page.before);
      where.push(`id < $${params.length}`);
    }
    const rows = await this.transactions.run(page.tenantId, (tx) =>
      tx.query<NotificationRow>(
        `SELECT ${COLUMNS} FROM gateway.notification WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $2`,
        params,
      ),
    );
    return rows.map(toNotification);
  }

  async countUnread(tenantId: string, recipientId: string): Promise<number> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ unread: string }>(
        `SELECT count(*) AS unread FROM gateway.notification WHERE recipient_id = $1 AND read_at IS NULL`,
        [recipientId],
      ),
    );
    return Number(rows[0]?.unread ?? 0);
  }

  async markRead(tenantId: string, recipientId: string, id: string, at: Date): Promise<boolean> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ id: string }>(
        `UPDATE gateway.notification SET read_at = coalesce(read_at, $3)
          WHERE id = $1 AND recipient_id = $2 RETURNING id`,
        [id, recipientId, at],
      ),
    );
    return rows.length > 0;
  }

  async markAllRead(tenantId: string, recipientId: string, at: Date): Promise<number> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ id: string }>(
        `UPDATE gateway.notification SET read_at = $2
          WHERE recipient_id = $1 AND read_at IS NULL RETURNING id`,
        [recipientId, at],
      ),
    );
    return rows.length;
  }

  async createdSince(
    tenantId: string,
    recipientIds: readonly string[],
    since: Date,
  ): Promise<Notification[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<NotificationRow>(
        `SELECT ${COLUMNS} FROM gateway.notification
          WHERE recipient_id = ANY($1::uuid[]) AND created_at > $2
          ORDER BY created_at, id LIMIT 500`,
        [recipientIds, since],
      ),
    );
    return rows.map(toNotification);
  }

  async preferencesOf(tenantId: string, memberIds: readonly string[]): Promise<StoredPreference[]> {
    if (memberIds.length === 0) {
      return [];
    }
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.query<{ member_id: string; kind: string; in_app: boolean; email: boolean }>(
        `SELECT member_id, kind, in_app, email FROM gateway.notification_preference
          WHERE member_id = ANY($1::uuid[]) ORDER BY kind`,
        [memberIds],
      ),
    );
    return rows.map((r) => ({ memberId: r.member_id, kind: r.kind, inApp: r.in_app, email: r.email }));
  }

  async savePreferences(tenantId: string, preferences: readonly StoredPreference[]): Promise<void> {
    await this.transactions.run(tenantId, async (tx) => {
      for (const p of preferences) {
        await tx.query(
          `INSERT INTO gateway.notification_preference (member_id, kind, tenant_id, in_app, email)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (member_id, kind) DO UPDATE SET in_app = excluded.in_app, email = excluded.email`,
          [p.memberId, p.kind, tenantId, p.inApp, p.email],
        );
      }
    });
  }
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    recipientId: row.recipient_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    object: row.object,
    source: row.source,
    createdAt: new Date(row.created_at),
    readAt: row.read_at === null ? null : new Date(row.read_at),
  };
}
