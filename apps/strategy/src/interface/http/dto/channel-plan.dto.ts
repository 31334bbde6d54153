import { z } from 'zod';
import type { ChannelPlanView } from '../../../application/queries/get-channel-plan/get-channel-plan.query.js';
import { KeyDto, LongText, NetworkDto, ShortText } from './common.dto.js';

const Hours = z.number().min(0, 'must not be negative').max(168);

export const ChannelPlanBody = z.strictObject({
  teamHoursPerWeek: z
    .number()
    .positive('must be more than 0')
    .max(10_000)
    .describe("The team's weekly hours for social"),
  channels: z
    .array(
      z.strictObject({
        network: NetworkDto,
        postsPerWeek: z.number().min(0, 'must not be negative').max(200),
        hoursPerPost: Hours.default(1).describe('Writing, design and approval per post'),
        communityHoursPerWeek: Hours.default(0).describe('Replies and moderation'),
      }),
    )
    .max(30),
  pillars: z
    .array(
      z.strictObject({
        key: KeyDto,
        name: ShortText,
        description: LongText.default(''),
        share: z.number().min(0, 'must not be negative').max(100).describe('Percent of the content mix'),
      }),
    )
    .min(1, 'needs at least one content pillar')
    .max(20)
    .describe('Shares must add up to 100 %'),
});

export type ChannelPlanBody = z.infer<typeof ChannelPlanBody>;

const FactorDto = z.object({
  name: z.enum(['audience-presence', 'goal-alignment', 'team-capacity']),
  value: z.number().describe('0 to 1'),
  weight: z.number(),
  points: z.number().describe('value x weight x 100'),
  explanation: z.string(),
});

export const ChannelPlanDto = z.object({
  teamHoursPerWeek: z.number(),
  pillars: ChannelPlanBody.shape.pillars,
  revision: z.int(),
  updatedAt: z.iso.datetime(),
  channels: z.array(
    z.object({
      network: z.string(),
      planned: z.boolean(),
      cadence: z.object({
        postsPerWeek: z.number(),
        hoursPerPost: z.number(),
        communityHoursPerWeek: z.number(),
      }),
      hoursNeededPerWeek: z.number(),
      fit: z.object({ score: z.int().describe('0 to 100'), factors: z.array(FactorDto) }),
    }),
  ),
  capacity: z.object({ hoursNeededPerWeek: z.number(), teamHoursPerWeek: z.number(), overBy: z.number() }),
});

export type ChannelPlanDto = z.infer<typeof ChannelPlanDto>;

export function toChannelPlanDto(view: ChannelPlanView): ChannelPlanDto {
  return {
    teamHoursPerWeek: view.plan.teamHoursPerWeek,
    pillars: view.plan.pillars.map((p) => ({ ...p })),
    revision: view.plan.revision,
    updatedAt: view.plan.updatedAt.toISOString(),
    channels: view.channels.map((c) => ({
      network: c.network,
      planned: c.planned,
      cadence: {
        postsPerWeek: c.cadence.postsPerWeek,
        hoursPerPost: c.cadence.hoursPerPost,
        communityHoursPerWeek: c.cadence.communityHoursPerWeek,
      },
      hoursNeededPerWeek: c.hoursNeededPerWeek,
      fit: { score: c.fit.score, factors: c.fit.factors.map((f) => ({ ...f })) },
    })),
    capacity: { ...view.capacity },
  };
}
