import {
  createEnvelope,
  goalChangedV1,
  goalRetiredV1,
  goalSetV1,
  type EventEnvelope,
  type GoalSetV1,
} from '@chorus/contracts';
import { currentCorrelationId } from '@chorus/service-kit';
import { GoalChangedEvent } from '../../domain/events/goal-changed.event.js';
import { GoalRetiredEvent } from '../../domain/events/goal-retired.event.js';
import { GoalSetEvent } from '../../domain/events/goal-set.event.js';
import type { GoalProps } from '../../domain/goal.aggregate.js';

/** Domain events -> the published contracts. A domain event with no public meaning maps to nothing. */
export function toIntegrationEvents(events: readonly object[]): EventEnvelope[] {
  return events.flatMap((event): EventEnvelope[] => {
    if (event instanceof GoalSetEvent) {
      return [createEnvelope(goalSetV1, meta(event.goal, event.goal.createdAt), goalState(event.goal))];
    }
    if (event instanceof GoalChangedEvent) {
      return [
        createEnvelope(goalChangedV1, meta(event.goal, event.changedAt), {
          ...goalState(event.goal),
          changedFields: [...event.changedFields],
        }),
      ];
    }
    if (event instanceof GoalRetiredEvent) {
      const r = event.retirement;
      return [
        createEnvelope(goalRetiredV1, meta(event.goal, r.retiredAt), {
          goalId: event.goal.id,
          reason: r.reason,
          replacedByGoalId: r.replacedByGoalId,
          retiredById: r.retiredById,
        }),
      ];
    }
    return [];
  });
}

function meta(g: GoalProps, occurredAt: Date) {
  return {
    tenantId: g.tenantId,
    workspaceId: g.workspaceId,
    correlationId: currentCorrelationId(),
    occurredAt,
  };
}

/** The whole goal as GoalSet v1 and GoalChanged v1 carry it; only active or paused goals are published so. */
function goalState(g: GoalProps): GoalSetV1 {
  return {
    goalId: g.id,
    revision: g.revision,
    title: g.title,
    metric: g.metric,
    baseline: g.baseline,
    target: g.target,
    startsAt: g.startsAt.toISOString(),
    deadline: g.deadline.toISOString(),
    timeZone: g.timeZone,
    scope: { channelIds: [...g.scope.channelIds], audienceIds: [...g.scope.audienceIds] },
    ownerId: g.ownerId,
    status: g.status === 'paused' ? 'paused' : 'active',
  };
}
