import { describe, expect, it } from 'vitest';
import { KpiTracker, type GoalRevision } from './kpi-tracker.aggregate.js';

const measured = () =>
  KpiTracker.restore({
    id: 'tracker-1',
    tenantId: 'tenant-1',
    workspaceId: 'workspace-1',
    goalId: 'goal-1',
    goalRevision: 1,
    title: 'Followers',
    metric: 'followers',
    baseline: { unit: 'count', value: 1000 },
    target: { unit: 'count', value: 2000 },
    current: { unit: 'count', value: 1400 },
    startsAt: new Date('2026-01-01T00:00:00Z'),
    deadline: new Date('2026-12-31T00:00:00Z'),
    timeZone: 'Europe/Rome',
    status: 'tracking',
    retiredReason: null,
    retiredAt: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });

const revision = (overrides: Partial<GoalRevision>): GoalRevision => ({
  goalRevision: 2,
  title: 'Followers',
  metric: 'followers',
  baseline: { unit: 'count', value: 1000 },
  target: { unit: 'count', value: 3000 },
  startsAt: new Date('2026-01-01T00:00:00Z'),
  deadline: new Date('2026-12-31T00:00:00Z'),
  timeZone: 'Europe/Rome',
  goalStatus: 'active',
  ...overrides,
});

describe('KpiTracker', () => {
  it('keeps its latest reading when only the target moves', () => {
    const tracker = measured();
    expect(tracker.applyGoalRevision(revision({}))).toBe(true);
    expect(tracker.snapshot().current).toEqual({ unit: 'count', value: 1400 });
  });

  it('drops its reading when the goal now measures another metric', () => {
    const tracker = measured();
    tracker.applyGoalRevision(
      revision({
        metric: 'engagement-rate',
        baseline: { unit: 'percent', value: 1 },
        target: { unit: 'percent', value: 2 },
      }),
    );
    expect(tracker.snapshot()).toMatchObject({ metric: 'engagement-rate', current: null });
  });

  it('refuses a revision it already has', () => {
    const tracker = measured();
    expect(tracker.applyGoalRevision(revision({ goalRevision: 1, title: 'Stale' }))).toBe(false);
    expect(tracker.snapshot().title).toBe('Followers');
  });
});
