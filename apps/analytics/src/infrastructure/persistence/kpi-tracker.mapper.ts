import {
  KpiTracker,
  type KpiRetirementReason,
  type KpiTrackerStatus,
} from '../../domain/kpi-tracker.aggregate.js';
import type { KpiValue } from '../../domain/kpi-value.value-object.js';
import { KpiTrackerOrmEntity } from './kpi-tracker.orm-entity.js';

export function kpiTrackerToPersistence(tracker: KpiTracker): KpiTrackerOrmEntity {
  const p = tracker.snapshot();
  return Object.assign(new KpiTrackerOrmEntity(), {
    ...p,
    baseline: { ...p.baseline },
    target: { ...p.target },
    current: p.current === null ? null : { ...p.current },
  });
}

export function kpiTrackerToDomain(row: KpiTrackerOrmEntity): KpiTracker {
  return KpiTracker.restore({
    id: row.id,
    tenantId: row.tenantId,
    workspaceId: row.workspaceId,
    goalId: row.goalId,
    goalRevision: row.goalRevision,
    title: row.title,
    metric: row.metric,
    baseline: row.baseline as KpiValue,
    target: row.target as KpiValue,
    current: row.current as KpiValue | null,
    startsAt: new Date(row.startsAt),
    deadline: new Date(row.deadline),
    timeZone: row.timeZone,
    status: row.status as KpiTrackerStatus,
    retiredReason: row.retiredReason as KpiRetirementReason | null,
    retiredAt: row.retiredAt === null ? null : new Date(row.retiredAt),
    createdAt: new Date(row.createdAt),
  });
}
