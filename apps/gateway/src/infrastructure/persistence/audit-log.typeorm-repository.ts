import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@chorus/contracts';
import { TenantTransactions } from '@chorus/service-kit';
import type { AuditFilter, AuditLog } from '../../application/ports/audit-log.port.js';
import type { AuditEntry, NewAuditEntry } from '../../domain/audit-entry.entity.js';
import { AuditEntryOrmEntity } from './audit-entry.orm-entity.js';

@Injectable()
export class AuditLogTypeormRepository implements AuditLog {
  constructor(private readonly transactions: TenantTransactions) {}

  async record(entry: NewAuditEntry): Promise<void> {
    await this.transactions.run(entry.tenantId, (tx) =>
      tx.query(
        `INSERT INTO gateway.audit_entry
           (id, tenant_id, workspace_id, actor_id, action, object_type, object_id, occurred_at, source, event_id, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (event_id) DO NOTHING`,
        [
          uuidv7(),
          entry.tenantId,
          entry.workspaceId,
          entry.actorId,
          entry.action,
          entry.objectType,
          entry.objectId,
          entry.occurredAt ?? new Date(),
          entry.source ?? 'gateway',
          entry.eventId ?? null,
          JSON.stringify(entry.details),
        ],
      ),
    );
  }

  async search(filter: AuditFilter): Promise<AuditEntry[]> {
    const rows = await this.transactions.run(filter.tenantId, (tx) => {
      const query = tx.manager
        .createQueryBuilder(AuditEntryOrmEntity, 'e')
        .where(
          filter.includeAgencyWide
            ? '(e.workspace_id = :workspaceId OR e.workspace_id IS NULL)'
            : 'e.workspace_id = :workspaceId',
          { workspaceId: filter.workspaceId },
        )
        .orderBy('e.id', 'DESC')
        .limit(filter.limit);
      const equals = {
        action: filter.action,
        actor_id: filter.actorId,
        object_type: filter.objectType,
        object_id: filter.objectId,
      };
      for (const [column, value] of Object.entries(equals)) {
        if (value !== undefined) {
          query.andWhere(`e.${column} = :${column}`, { [column]: value });
        }
      }
      if (filter.from !== undefined) {
        query.andWhere('e.occurred_at >= :from', { from: filter.from });
      }
      if (filter.to !== undefined) {
        query.andWhere('e.occurred_at < :to', { to: filter.to });
      }
      if (filter.before !== undefined) {
        query.andWhere('e.id < :before', { before: filter.before });
      }
      return query.getMany();
    });
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenantId,
      workspaceId: row.workspaceId,
      actorId: row.actorId,
      action: row.action,
      objectType: row.objectType,
      objectId: row.objectId,
      occurredAt: new Date(row.occurredAt),
      source: row.source,
      eventId: row.eventId,
      details: row.details as AuditEntry['details'],
    }));
  }
}
