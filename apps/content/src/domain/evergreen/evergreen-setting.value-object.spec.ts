import { describe, expect, it } from 'vitest';
import {
  checkEvergreenPolicy,
  earliestRequeue,
  evergreenFinished,
  startEvergreen,
  stopEvergreen,
} from './evergreen-setting.value-object.js';

const now = new Date('2027-05-01T12:00:00Z');
const identity = { postId: 'p', tenantId: 't', workspaceId: 'w' };

describe('an evergreen setting', () => {
  it('names every broken rule of a policy', () => {
    expect(
      checkEvergreenPolicy(
        { minGapDays: 0, maxTimes: 101, endsAt: new Date('2027-04-30T00:00:00Z') },
        now,
      ).map((p) => p.field),
    ).toEqual(['minGapDays', 'maxTimes', 'endsAt']);
    expect(checkEvergreenPolicy({ minGapDays: 30, maxTimes: 5, endsAt: null }, now)).toEqual([]);
  });

  it('finishes at the limit or after its end; turned on again, the re-queues made still count', () => {
    const setting = startEvergreen(null, identity, { minGapDays: 7, maxTimes: 2, endsAt: null }, 'u', now);
    expect(setting).toMatchObject({ active: true, requeued: 0, revision: 1 });
    expect(evergreenFinished(setting, now)).toBeNull();
    expect(evergreenFinished({ ...setting, requeued: 2 }, now)).toBe('re-queued 2 time(s), the limit');
    const ending = { ...setting, endsAt: new Date('2027-05-01T11:00:00Z') };
    expect(evergreenFinished(ending, now)).toContain('its end');
    const stopped = stopEvergreen({ ...setting, requeued: 1 }, 'stopped by a person', now);
    expect(stopped).toMatchObject({ active: false, stoppedReason: 'stopped by a person', revision: 2 });
    const again = startEvergreen(stopped, identity, { minGapDays: 7, maxTimes: 3, endsAt: null }, 'u', now);
    expect(again).toMatchObject({ active: true, requeued: 1, stoppedReason: null, revision: 3 });
  });

  it('comes back no sooner than the gap after the last publication, and never in the past', () => {
    const policy = { minGapDays: 7, maxTimes: 2, endsAt: null };
    expect(earliestRequeue(policy, new Date('2027-04-30T12:00:00Z'), now).toISOString()).toBe(
      '2027-05-07T12:00:00.000Z',
    );
    expect(earliestRequeue(policy, new Date('2027-01-01T00:00:00Z'), now)).toEqual(now);
  });
});
