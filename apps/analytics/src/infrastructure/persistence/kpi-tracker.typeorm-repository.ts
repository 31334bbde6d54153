import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { KpiTrackerRepository } from '../../application/ports/kpi-tracker-repository.port.js';
import type { KpiTracker } from '../../domain/kpi-tracker.aggregate.js';
import { kpiTrackerToDomain, kpiTrackerToPersistence } from './kpi-tracker.mapper.js';
import { KpiTrackerOrmEntity } from './kpi-tracker.orm-entity.js';

@Injectable()
export class KpiTrackerTypeormRepository implements KpiTrackerRepository {
  constructor(private readonly transactions: TenantTransactions) {}

  async addIfAbsent(tracker: KpiTracker): Promise<boolean> {
    const row = kpiTrackerToPersistence(tracker);
    const result = await this.transactions.run(row.tenantId, (tx) =>
      tx.manager
        .createQueryBuilder()
        .insert()
        .into(KpiTrackerOrmEntity)
        .values(row)
        .orIgnore()
        .returning('id')
        .execute(),
    );
    return (result.raw as unknown[]).length > 0;
  }

  async findByGoalForUpdate(tenantId: string, goalId: string): Promise<KpiTracker | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOne(KpiTrackerOrmEntity, { where: { goalId }, lock: { mode: 'pessimistic_write' } }),
    );
    return row === null ? null : kpiTrackerToDomain(row);
  }

  async update(tracker: KpiTracker): Promise<void> {
    const row = kpiTrackerToPersistence(tracker);
    await this.transactions.run(row.tenantId, (tx) => tx.manager.save(KpiTrackerOrmEntity, row));
  }

  async listByWorkspace(tenantId: string, workspaceId: string, goalId?: string): Promise<KpiTracker[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(KpiTrackerOrmEntity, {
        where: goalId === undefined ? { workspaceId } : { workspaceId, goalId },
        order: { createdAt: 'DESC' },
      }),
    );
    return rows.map(kpiTrackerToDomain);
  }
}
