import type { EventEnvelope, GoalSetV1 } from '@chorus/contracts';
import type { ApplyGoalRevisionData } from '../../application/commands/apply-goal-revision/apply-goal-revision.command.js';

/** The goal as GoalSet v1 and GoalChanged v1 carry it, as a tracker holds it; null without a workspace. */
export function trackedGoalOf(event: EventEnvelope<GoalSetV1>): ApplyGoalRevisionData | null {
  const goal = event.payload;
  if (event.workspaceId === null) {
    return null; // goals always belong to a workspace; nothing to track otherwise
  }
  return {
    tenantId: event.tenantId,
    workspaceId: event.workspaceId,
    goalId: goal.goalId,
    goalRevision: goal.revision,
    title: goal.title,
    metric: goal.metric,
    baseline: goal.baseline,
    target: goal.target,
    startsAt: new Date(goal.startsAt),
    deadline: new Date(goal.deadline),
    timeZone: goal.timeZone,
    goalStatus: goal.status,
  };
}
