import { z } from 'zod';
import type { KpiTrackerProps } from '../../../domain/kpi-tracker.aggregate.js';
import { KpiValueDto } from './kpi-value.dto.js';

export const KpiTrackerDto = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  goalId: z.uuid(),
  title: z.string(),
  metric: z.string(),
  baseline: KpiValueDto,
  target: KpiValueDto,
  current: KpiValueDto.nullable().describe('Latest reading; null until the first measurement'),
  startsAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  timeZone: z.string(),
  status: z
    .enum(['tracking', 'paused', 'retired'])
    .describe('tracking: counts now; paused: the goal is paused; retired: the goal no longer counts'),
  retiredReason: z
    .enum(['achieved', 'missed', 'abandoned', 'replaced'])
    .nullable()
    .describe('Why the goal was retired; null unless retired'),
  retiredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export type KpiTrackerDto = z.infer<typeof KpiTrackerDto>;

export const KpiTrackerListDto = z.object({ items: z.array(KpiTrackerDto) });

export function toKpiTrackerDto(t: KpiTrackerProps): KpiTrackerDto {
  return {
    id: t.id,
    workspaceId: t.workspaceId,
    goalId: t.goalId,
    title: t.title,
    metric: t.metric,
    baseline: t.baseline,
    target: t.target,
    current: t.current,
    startsAt: t.startsAt.toISOString(),
    deadline: t.deadline.toISOString(),
    timeZone: t.timeZone,
    status: t.status,
    retiredReason: t.retiredReason,
    retiredAt: t.retiredAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}
