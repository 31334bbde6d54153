import { describe, expect, it } from 'vitest';
import { GoalChangedEvent } from './events/goal-changed.event.js';
import { GoalRetiredEvent } from './events/goal-retired.event.js';
import { GoalSetEvent } from './events/goal-set.event.js';
import { Goal, type SetGoalInput } from './goal.aggregate.js';
import { GoalRetiredError, InvalidGoalError } from './goal.errors.js';

const now = new Date('2026-01-10T10:00:00Z');
const later = new Date('2026-02-01T10:00:00Z');
const input: SetGoalInput = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  tenantId: '0190a1b2-0000-7000-8000-000000000002',
  workspaceId: '0190a1b2-0000-7000-8000-000000000003',
  title: 'Grow followers',
  metric: 'followers',
  baseline: { unit: 'count', value: 1000 },
  target: { unit: 'count', value: 5000 },
  startsAt: now,
  deadline: new Date('2026-06-30T00:00:00Z'),
  timeZone: 'Europe/Rome',
  scope: { channelIds: [], audienceIds: [] },
  ownerId: '0190a1b2-0000-7000-8000-000000000004',
  createdBy: '0190a1b2-0000-7000-8000-000000000004',
};

function failure(fn: () => unknown): { field: string; problem: string } | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidGoalError) {
      return { field: error.field, problem: error.problem };
    }
    throw error;
  }
  return undefined;
}
const fieldOf = (fn: () => unknown) => failure(fn)?.field;

describe('Goal', () => {
  it('is set active at revision 1 and records GoalSet', () => {
    const goal = Goal.set(input, now);
    expect(goal.snapshot()).toMatchObject({
      status: 'active',
      revision: 1,
      createdAt: now,
      retirement: null,
    });
    expect(goal.pendingEvents()).toEqual([new GoalSetEvent(goal.snapshot())]);
  });

  it('refuses a metric outside the vocabulary, naming it', () => {
    const refused = failure(() => Goal.set({ ...input, metric: 'vibes' }, now));
    expect(refused?.field).toBe('metric');
    expect(refused?.problem).toContain("unknown metric 'vibes'");
  });

  it("refuses a baseline in another unit than the metric's", () => {
    expect(
      fieldOf(() =>
        Goal.set(
          { ...input, baseline: { unit: 'percent', value: 1 }, target: { unit: 'percent', value: 3 } },
          now,
        ),
      ),
    ).toBe('baseline');
  });

  it('refuses a target in another unit or currency', () => {
    expect(fieldOf(() => Goal.set({ ...input, target: { unit: 'percent', value: 3 } }, now))).toBe('target');
    expect(
      fieldOf(() =>
        Goal.set(
          {
            ...input,
            metric: 'revenue',
            baseline: { unit: 'money', amountMinor: 100, currency: 'EUR' },
            target: { unit: 'money', amountMinor: 900, currency: 'USD' },
          },
          now,
        ),
      ),
    ).toBe('target');
  });

  it('refuses a target equal to the baseline', () => {
    expect(fieldOf(() => Goal.set({ ...input, target: { unit: 'count', value: 1000 } }, now))).toBe('target');
  });

  it("refuses a target moving the wrong way for the metric's direction", () => {
    expect(
      failure(() => Goal.set({ ...input, target: { unit: 'count', value: 500 } }, now))?.problem,
    ).toMatch(/above the baseline: followers is better when it goes up/);
    const bounce = {
      ...input,
      metric: 'bounce-rate',
      baseline: { unit: 'percent' as const, value: 60 },
      target: { unit: 'percent' as const, value: 70 },
    };
    expect(failure(() => Goal.set(bounce, now))?.problem).toMatch(/below the baseline: bounce-rate/);
    expect(() => Goal.set({ ...bounce, target: { unit: 'percent', value: 45 } }, now)).not.toThrow();
  });

  it('refuses a deadline before the start or in the past', () => {
    expect(fieldOf(() => Goal.set({ ...input, deadline: new Date('2026-01-01T00:00:00Z') }, now))).toBe(
      'deadline',
    );
    expect(
      fieldOf(() =>
        Goal.set(
          {
            ...input,
            startsAt: new Date('2025-01-01T00:00:00Z'),
            deadline: new Date('2026-01-01T00:00:00Z'),
          },
          now,
        ),
      ),
    ).toBe('deadline');
  });

  it('changes only what differs, bumps the revision and records GoalChanged with those fields', () => {
    const goal = Goal.set(input, now);
    goal.clearPendingEvents();
    const changed = goal.change(
      { title: 'Grow followers fast', status: 'paused', metric: 'followers' },
      later,
    );
    expect(changed).toEqual(['title', 'status']);
    expect(goal.snapshot()).toMatchObject({ revision: 2, status: 'paused', updatedAt: later });
    expect(goal.pendingEvents()).toEqual([new GoalChangedEvent(goal.snapshot(), ['title', 'status'], later)]);
  });

  it('records nothing when a change changes nothing', () => {
    const goal = Goal.set(input, now);
    goal.clearPendingEvents();
    expect(goal.change({ title: input.title, deadline: new Date(input.deadline) }, later)).toEqual([]);
    expect(goal.snapshot().revision).toBe(1);
    expect(goal.pendingEvents()).toEqual([]);
  });

  it('checks a change by the same rules, and leaves the goal untouched when it fails', () => {
    const goal = Goal.set(input, now);
    expect(fieldOf(() => goal.change({ target: { unit: 'count', value: 10 } }, later))).toBe('target');
    expect(fieldOf(() => goal.change({ deadline: new Date('2026-01-20T00:00:00Z') }, later))).toBe(
      'deadline',
    );
    expect(goal.snapshot().revision).toBe(1);
    expect(goal.snapshot().target).toEqual(input.target);
  });

  it('retires once, records GoalRetired, and refuses changes afterwards', () => {
    const goal = Goal.set(input, now);
    goal.clearPendingEvents();
    goal.retire('achieved', null, input.ownerId, later);
    expect(goal.snapshot().status).toBe('retired');
    expect(goal.pendingEvents()[0]).toBeInstanceOf(GoalRetiredEvent);
    expect(() => goal.change({ title: 'x' }, later)).toThrow(GoalRetiredError);
    expect(() => goal.retire('missed', null, input.ownerId, later)).toThrow(GoalRetiredError);
  });

  it('needs a replacement exactly when the reason is replaced', () => {
    expect(fieldOf(() => Goal.set(input, now).retire('replaced', null, input.ownerId, later))).toBe(
      'replacedByGoalId',
    );
    expect(fieldOf(() => Goal.set(input, now).retire('missed', input.ownerId, input.ownerId, later))).toBe(
      'replacedByGoalId',
    );
  });
});

describe('Goal read back from jsonb', () => {
  it('sees no change when only the key order of a value differs', () => {
    const money = {
      ...input,
      metric: 'revenue',
      baseline: { unit: 'money' as const, amountMinor: 100, currency: 'EUR' },
      target: { unit: 'money' as const, amountMinor: 900, currency: 'EUR' },
    };
    const goal = Goal.restore({ ...Goal.set(money, now).snapshot() });
    const reordered = { currency: 'EUR', unit: 'money' as const, amountMinor: 900 };
    expect(goal.change({ target: reordered }, later)).toEqual([]);
  });
});
