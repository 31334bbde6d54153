import { z } from 'zod';
import { KpiValueDto } from './kpi-value.dto.js';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const SetGoalBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  metric: z
    .string()
    .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a lower-case kebab-case metric key such as followers')
    .describe(
      'The KPI: followers, reach, impressions, engagements, engagement-rate, link-clicks, conversions, ...',
    ),
  baseline: KpiValueDto.describe('The reading when the goal starts'),
  target: KpiValueDto.describe('The reading to reach by the deadline, in the same unit as the baseline'),
  startsAt: z.iso.datetime({ offset: true }).optional().describe('Defaults to now'),
  deadline: z.iso.datetime({ offset: true }),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Rome').default('UTC'),
  scope: z
    .strictObject({
      channelIds: z.array(z.uuid()).default([]),
      audienceIds: z.array(z.uuid()).default([]),
    })
    .default({ channelIds: [], audienceIds: [] })
    .describe('Empty lists: every channel, the whole audience'),
  ownerId: z.uuid().optional().describe('The member accountable; defaults to the caller'),
});

export type SetGoalBody = z.infer<typeof SetGoalBody>;
