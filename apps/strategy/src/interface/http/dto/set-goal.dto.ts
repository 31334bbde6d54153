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

export const MetricKeyDto = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a lower-case kebab-case metric key such as followers')
  .describe('A metric from GET /metrics: followers, reach, impressions, engagement-rate, clicks, leads, ...');

export const TimeZoneDto = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Rome');

export const GoalScopeDto = z
  .strictObject({
    channelIds: z.array(z.uuid()).default([]),
    audienceIds: z.array(z.uuid()).default([]).describe('Audiences of this workspace (GET /audiences)'),
  })
  .describe('Empty lists: every channel, the whole audience');

export const SetGoalBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  metric: MetricKeyDto,
  baseline: KpiValueDto.describe("The reading when the goal starts, in the metric's unit"),
  target: KpiValueDto.describe(
    "The reading to reach by the deadline: same unit as the baseline, in the metric's better direction",
  ),
  startsAt: z.iso.datetime({ offset: true }).optional().describe('Defaults to now'),
  deadline: z.iso.datetime({ offset: true }).describe('Must be in the future'),
  timeZone: TimeZoneDto.default('UTC'),
  scope: GoalScopeDto.default({ channelIds: [], audienceIds: [] }),
  ownerId: z.uuid().optional().describe('The member accountable; defaults to the caller'),
});

export type SetGoalBody = z.infer<typeof SetGoalBody>;

export const ChangeGoalBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    metric: MetricKeyDto.optional(),
    baseline: KpiValueDto.optional(),
    target: KpiValueDto.optional(),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    deadline: z.iso.datetime({ offset: true }).optional(),
    timeZone: TimeZoneDto.optional(),
    scope: GoalScopeDto.optional(),
    ownerId: z.uuid().optional(),
    status: z.enum(['active', 'paused']).optional().describe('Pause or resume the goal'),
  })
  .describe('Only the fields to change; emits GoalChanged v1 when something really changed');

export type ChangeGoalBody = z.infer<typeof ChangeGoalBody>;

export const RetireGoalBody = z.strictObject({
  reason: z.enum(['achieved', 'missed', 'abandoned', 'replaced']),
  replacedByGoalId: z.uuid().nullable().default(null).describe("Required when the reason is 'replaced'"),
});

export type RetireGoalBody = z.infer<typeof RetireGoalBody>;
