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
  status: z.enum(['tracking']),
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
    createdAt: t.createdAt.toISOString(),
  };
}
