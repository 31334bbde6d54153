import { describe, expect, it } from 'vitest';
import { FIT_WEIGHTS, channelFit, type FitAudience } from './channel-fit.value-object.js';

const students: FitAudience = {
  id: 'a1',
  priority: 3,
  networks: [
    { network: 'tiktok', presence: 'primary' },
    { network: 'instagram', presence: 'secondary' },
  ],
};
const managers: FitAudience = {
  id: 'a2',
  priority: 1,
  networks: [{ network: 'linkedin', presence: 'primary' }],
};
const capacity = { hoursNeededPerWeek: 5, teamHoursPerWeek: 20 };

describe('channelFit', () => {
  it('weighs audience presence 0.5, goal alignment 0.3, team capacity 0.2', () => {
    expect(FIT_WEIGHTS.audiencePresence + FIT_WEIGHTS.goalAlignment + FIT_WEIGHTS.teamCapacity).toBeCloseTo(
      1,
    );
  });

  it('computes each factor and shows it, as documented', () => {
    // A = (3 x 1 + 1 x 0) / 4 = 0.75; G: one goal on all audiences = 0.75; C = 1 - 5/20 = 0.75
    const fit = channelFit('tiktok', [students, managers], [{ id: 'g1', audienceIds: [] }], capacity);
    expect(fit.factors.map((f) => [f.name, f.value, f.points])).toEqual([
      ['audience-presence', 0.75, 37.5],
      ['goal-alignment', 0.75, 22.5],
      ['team-capacity', 0.75, 15],
    ]);
    expect(fit.score).toBe(75);
    expect(fit.factors[0]!.explanation).toContain('75 %');
  });

  it('counts a secondary presence half', () => {
    const fit = channelFit('instagram', [students], [], capacity);
    expect(fit.factors[0]!.value).toBe(0.5);
  });

  it("aligns with a goal through the goal's own audiences", () => {
    const goals = [{ id: 'g1', audienceIds: ['a2'] }];
    expect(channelFit('linkedin', [students, managers], goals, capacity).factors[1]!.value).toBe(1);
    expect(channelFit('tiktok', [students, managers], goals, capacity).factors[1]!.value).toBe(0);
  });

  it('averages alignment over the active goals', () => {
    const goals = [
      { id: 'g1', audienceIds: ['a1'] },
      { id: 'g2', audienceIds: ['a2'] },
    ];
    expect(channelFit('tiktok', [students, managers], goals, capacity).factors[1]!.value).toBe(0.5);
  });

  it('scores capacity 0 when the network alone needs the whole team week or more', () => {
    const fit = channelFit('tiktok', [students], [], { hoursNeededPerWeek: 30, teamHoursPerWeek: 20 });
    expect(fit.factors[2]!.value).toBe(0);
    expect(fit.factors[2]!.explanation).toBe('30 h/week needed of 20 h/week available');
  });

  it('is 0 for a network no audience uses, with no goals and no spare time', () => {
    const fit = channelFit('mastodon', [students], [], { hoursNeededPerWeek: 20, teamHoursPerWeek: 20 });
    expect(fit.score).toBe(0);
    expect(fit.factors[1]!.explanation).toBe('no active goals yet');
  });
});
