import { describe, expect, it } from 'vitest';
import { ChannelPlan, weeklyHours, type ChannelPlanContent } from './channel-plan.aggregate.js';
import { InvalidStrategyInputError } from './strategy.errors.js';

const who = { tenantId: 't', workspaceId: 'w', updatedBy: 'u' };
const plan: ChannelPlanContent = {
  teamHoursPerWeek: 20,
  channels: [{ network: 'instagram', postsPerWeek: 4, hoursPerPost: 1.5, communityHoursPerWeek: 2 }],
  pillars: [
    { key: 'tips', name: 'Tips', description: '', share: 60 },
    { key: 'stories', name: 'Stories', description: '', share: 40 },
  ],
};

function problem(content: ChannelPlanContent): string | undefined {
  try {
    ChannelPlan.save(null, { ...content, ...who }, new Date());
  } catch (error) {
    if (error instanceof InvalidStrategyInputError) {
      return error.message;
    }
    throw error;
  }
  return undefined;
}

describe('ChannelPlan', () => {
  it('saves a plan whose pillars add up to 100 %, one revision more each time', () => {
    const first = ChannelPlan.save(null, { ...plan, ...who }, new Date());
    const second = ChannelPlan.save(first.snapshot(), { ...plan, ...who }, new Date());
    expect(second.snapshot().revision).toBe(2);
  });

  it('refuses a content mix that does not add up to 100 %', () => {
    const off = { ...plan, pillars: [{ ...plan.pillars[0]!, share: 50 }, plan.pillars[1]!] };
    expect(problem(off)).toBe('pillars: shares add up to 90 %; they must add up to 100 %');
  });

  it('accepts fractional shares that add up to 100', () => {
    const thirds = ['a', 'b', 'c'].map((key, i) => ({
      key,
      name: key,
      description: '',
      share: i === 0 ? 33.34 : 33.33,
    }));
    expect(problem({ ...plan, pillars: thirds })).toBeUndefined();
  });

  it('refuses a network planned twice, a pillar key used twice and negative cadence', () => {
    expect(problem({ ...plan, channels: [plan.channels[0]!, plan.channels[0]!] })).toMatch(
      /^channels\.1\.network/,
    );
    expect(problem({ ...plan, pillars: [plan.pillars[0]!, { ...plan.pillars[1]!, key: 'tips' }] })).toMatch(
      /^pillars\.1\.key/,
    );
    expect(problem({ ...plan, channels: [{ ...plan.channels[0]!, postsPerWeek: -1 }] })).toBe(
      'channels.0.postsPerWeek: must not be negative',
    );
  });

  it('counts the hours a network needs per week', () => {
    expect(weeklyHours(plan.channels[0]!)).toBe(8);
  });
});
