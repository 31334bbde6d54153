import type { Goal } from '../../domain/goal.aggregate.js';

export interface GoalRepository {
  /** Stores a new goal and its pending events (as integration events) in one transaction. */
  add(goal: Goal): Promise<void>;
  /** Stores a changed goal and its pending events in one transaction. */
  save(goal: Goal): Promise<void>;
  findById(tenantId: string, workspaceId: string, goalId: string): Promise<Goal | null>;
  listByWorkspace(tenantId: string, workspaceId: string): Promise<Goal[]>;
}
