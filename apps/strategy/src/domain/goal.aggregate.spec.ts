import { describe, expect, it } from 'vitest';
import { GoalSetEvent } from './events/goal-set.event.js';
import { Goal, type SetGoalInput } from './goal.aggregate.js';
import { InvalidGoalError } from './goal.errors.js';

const now = new Date('2026-01-10T10:00:00Z');
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

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidGoalError) {
      return error.field;
    }
    throw error;
  }
  return undefined;
}

describe('Goal', () => {
  it('is set active at revision 1 and records GoalSet', () => {
    const goal = Goal.set(input, now);
    expect(goal.snapshot()).toMatchObject({ status: 'active', revision: 1, createdAt: now });
    expect(goal.pendingEvents()).toEqual([new GoalSetEvent(goal.snapshot())]);
  });

  it('refuses a target in another unit or currency', () => {
    expect(fieldOf(() => Goal.set({ ...input, target: { unit: 'percent', value: 3 } }, now))).toBe('target');
    expect(
      fieldOf(() =>
        Goal.set(
          {
            ...input,
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
});
