import { Inject, Injectable } from '@nestjs/common';
import type { Outbox } from '@chorus/messaging';
import { OUTBOX, TenantTransactions } from '@chorus/service-kit';
import type { GoalRepository } from '../../application/ports/goal-repository.port.js';
import type { Goal } from '../../domain/goal.aggregate.js';
import { StrategyConflictError } from '../../domain/strategy.errors.js';
import { toIntegrationEvents } from './goal-integration-events.mapper.js';
import { goalToDomain, goalToPersistence } from './goal.mapper.js';
import { GoalOrmEntity } from './goal.orm-entity.js';

@Injectable()
export class GoalTypeormRepository implements GoalRepository {
  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(OUTBOX) private readonly outbox: Outbox,
  ) {}

  async add(goal: Goal): Promise<void> {
    const row = goalToPersistence(goal);
    await this.transactions.run(row.tenantId, async (tx) => {
      await tx.manager.insert(GoalOrmEntity, row);
      await this.outbox.add(tx, toIntegrationEvents(goal.pendingEvents()));
    });
    goal.clearPendingEvents();
  }

  async save(goal: Goal): Promise<void> {
    const row = goalToPersistence(goal);
    await this.transactions.run(row.tenantId, async (tx) => {
      const result = await tx.manager.update(
        GoalOrmEntity,
        { id: row.id, workspaceId: row.workspaceId, updatedAt: goal.loadedAt },
        row,
      );
      if ((result.affected ?? 0) === 0) {
        throw new StrategyConflictError(
          `Goal ${row.id} was changed by someone else meanwhile; reload it and retry`,
        );
      }
      await this.outbox.add(tx, toIntegrationEvents(goal.pendingEvents()));
    });
    goal.clearPendingEvents();
  }

  async findById(tenantId: string, workspaceId: string, goalId: string): Promise<Goal | null> {
    const row = await this.transactions.run(tenantId, (tx) =>
      tx.manager.findOneBy(GoalOrmEntity, { id: goalId, workspaceId }),
    );
    return row === null ? null : goalToDomain(row);
  }

  async listByWorkspace(tenantId: string, workspaceId: string): Promise<Goal[]> {
    const rows = await this.transactions.run(tenantId, (tx) =>
      tx.manager.find(GoalOrmEntity, { where: { workspaceId }, order: { createdAt: 'DESC' } }),
    );
    return rows.map(goalToDomain);
  }
}
