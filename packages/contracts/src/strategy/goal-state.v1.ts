import { z } from 'zod';
import { KpiValueSchema } from '../shared/kpi-value.js';
import { Id, Instant, Slug, TimeZone } from '../shared/primitives.js';

// The goal snapshot carried by GoalSet v1 and GoalChanged v1. Consumers (analytics, ads, content) keep a copy
// and replace it whole on every event, so each event carries the full state, not a diff.

export const GoalScopeV1 = z.object({
  channelIds: z
    .array(Id)
    .describe('Channels the goal is measured on; empty means every channel of the workspace'),
  audienceIds: z.array(Id).describe('Audiences (personas) it is aimed at; empty means the whole audience'),
});

export const goalStateV1Fields = {
  goalId: Id,
  revision: z
    .int()
    .positive()
    .describe('1 when set, +1 on every change; drop a copy older than the one you hold'),
  title: z.string().min(1).max(200),
  metric: Slug.describe(
    'The KPI, from an open set: followers, reach, impressions, engagements, engagement-rate, link-clicks, ' +
      'sessions, conversions, bounce-rate, leads, revenue, roas, negative-feedback, ...',
  ),
  baseline: KpiValueSchema.describe('The reading when the goal starts'),
  target: KpiValueSchema.describe('The reading to reach by the deadline; same unit as the baseline'),
  startsAt: Instant,
  deadline: Instant,
  timeZone: TimeZone.describe('The time zone the strategist chose the dates in'),
  scope: GoalScopeV1,
  ownerId: Id.describe('The member accountable for the goal'),
  status: z.enum(['active', 'paused']),
};

interface GoalStateV1Shape {
  baseline: { unit: string; currency?: string };
  target: { unit: string; currency?: string };
  startsAt: string;
  deadline: string;
}

/** Cross-field rules shared by both events (not expressible in JSON Schema; documented in the descriptions). */
export function checkGoalStateV1(goal: GoalStateV1Shape, ctx: z.RefinementCtx): void {
  if (goal.baseline.unit !== goal.target.unit || goal.baseline.currency !== goal.target.currency) {
    ctx.addIssue({
      code: 'custom',
      path: ['target'],
      message: 'must use the same unit and currency as the baseline',
    });
  }
  if (Date.parse(goal.deadline) <= Date.parse(goal.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'must be after startsAt' });
  }
}
