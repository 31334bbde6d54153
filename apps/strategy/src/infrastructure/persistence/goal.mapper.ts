import { Goal, type GoalStatus, type RetirementReason } from '../../domain/goal.aggregate.js';
import type { KpiValue } from '../../domain/kpi-value.value-object.js';
import { GoalOrmEntity } from './goal.orm-entity.js';

export function goalToPersistence(goal: Goal): GoalOrmEntity {
  const p = goal.snapshot();
  return Object.assign(new GoalOrmEntity(), {
    ...p,
    baseline: { ...p.baseline },
    target: { ...p.target },
    scope: { channelIds: [...p.scope.channelIds], audienceIds: [...p.scope.audienceIds] },
    retirement:
      p.retirement === null ? null : { ...p.retirement, retiredAt: p.retirement.retiredAt.toISOString() },
  });
}

export function goalToDomain(row: GoalOrmEntity): Goal {
  return Goal.restore({
    id: row.id,
    tenantId: row.tenantId,
    workspaceId: row.workspaceId,
    title: row.title,
    metric: row.metric,
    baseline: row.baseline as KpiValue,
    target: row.target as KpiValue,
    startsAt: new Date(row.startsAt),
    deadline: new Date(row.deadline),
    timeZone: row.timeZone,
    scope: row.scope,
    ownerId: row.ownerId,
    status: row.status as GoalStatus,
    revision: row.revision,
    createdAt: new Date(row.createdAt),
    createdBy: row.createdBy,
    updatedAt: new Date(row.updatedAt),
    retirement:
      row.retirement === null
        ? null
        : {
            reason: row.retirement.reason as RetirementReason,
            replacedByGoalId: row.retirement.replacedByGoalId,
            retiredById: row.retirement.retiredById,
            retiredAt: new Date(row.retirement.retiredAt),
          },
  });
}
