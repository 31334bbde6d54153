import type { KpiTracker } from '../../domain/kpi-tracker.aggregate.js';

export interface KpiTrackerRepository {
  /** Stores the tracker unless the goal already has one; false when it had. */
  addIfAbsent(tracker: KpiTracker): Promise<boolean>;
  /** The goal's tracker, locked for update in the ambient transaction; null when it has none. */
  findByGoalForUpdate(tenantId: string, goalId: string): Promise<KpiTracker | null>;
  /** Writes back a tracker read with findByGoalForUpdate. */
  update(tracker: KpiTracker): Promise<void>;
  /** Newest first; only the given goal's tracker when goalId is set. */
  listByWorkspace(tenantId: string, workspaceId: string, goalId?: string): Promise<KpiTracker[]>;
}
