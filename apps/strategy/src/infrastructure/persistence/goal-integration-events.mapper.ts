import { createEnvelope, goalSetV1, type EventEnvelope } from '@chorus/contracts';
import { currentCorrelationId } from '@chorus/service-kit';
import { GoalSetEvent } from '../../domain/events/goal-set.event.js';

/** Domain events -> the published contracts. A domain event with no public meaning maps to nothing. */
export function toIntegrationEvents(events: readonly object[]): EventEnvelope[] {
  return events.flatMap((event) => {
    if (event instanceof GoalSetEvent) {
      const g = event.goal;
      return [
        createEnvelope(
          goalSetV1,
          {
            tenantId: g.tenantId,
            workspaceId: g.workspaceId,
            correlationId: currentCorrelationId(),
            occurredAt: g.createdAt,
          },
          {
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
            status: g.status,
          },
        ),
      ];
    }
    return [];
  });
}
