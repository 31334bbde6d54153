import { z } from 'zod';
import type { GoalProps } from '../../../domain/goal.aggregate.js';
import { KpiValueDto } from './kpi-value.dto.js';

export const GoalDto = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  title: z.string(),
  metric: z.string(),
  baseline: KpiValueDto,
  target: KpiValueDto,
  startsAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  timeZone: z.string(),
  scope: z.object({ channelIds: z.array(z.uuid()), audienceIds: z.array(z.uuid()) }),
  ownerId: z.uuid(),
  status: z.enum(['active', 'paused', 'retired']),
  revision: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  retirement: z
    .object({
      reason: z.enum(['achieved', 'missed', 'abandoned', 'replaced']),
      replacedByGoalId: z.uuid().nullable(),
      retiredById: z.uuid(),
      retiredAt: z.iso.datetime(),
    })
    .nullable(),
});

export type GoalDto = z.infer<typeof GoalDto>;

export const GoalListDto = z.object({ items: z.array(GoalDto) });

export function toGoalDto(goal: GoalProps): GoalDto {
  return {
    id: goal.id,
    workspaceId: goal.workspaceId,
    title: goal.title,
    metric: goal.metric,
    baseline: goal.baseline,
    target: goal.target,
    startsAt: goal.startsAt.toISOString(),
    deadline: goal.deadline.toISOString(),
    timeZone: goal.timeZone,
    scope: { channelIds: [...goal.scope.channelIds], audienceIds: [...goal.scope.audienceIds] },
    ownerId: goal.ownerId,
    status: goal.status,
    revision: goal.revision,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
    retirement:
      goal.retirement === null
        ? null
        : { ...goal.retirement, retiredAt: goal.retirement.retiredAt.toISOString() },
  };
}
