import type { KpiTracker } from '../../domain/kpi-tracker.aggregate.js';

export interface KpiTrackerRepository {
  /** Stores the tracker unless the goal already has one; false when it had. */
  addIfAbsent(tracker: KpiTracker): Promise<boolean>;
  /** Newest first; only the given goal's tracker when goalId is set. */
  listByWorkspace(tenantId: string, workspaceId: string, goalId?: string): Promise<KpiTracker[]>;
}
