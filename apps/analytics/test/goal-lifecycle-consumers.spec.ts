import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, goalChangedV1, goalRetiredV1, goalSetV1, uuidv7 } from '@chorus/contracts';
import { QueryBus } from '@nestjs/cqrs';
import { ListKpiTrackersQuery } from '../src/application/queries/list-kpi-trackers/list-kpi-trackers.query.js';
import type { KpiTrackerProps } from '../src/domain/kpi-tracker.aggregate.js';
import { GoalChangedKafkaConsumer } from '../src/infrastructure/messaging/goal-changed.kafka-consumer.js';
import { GoalRetiredKafkaConsumer } from '../src/infrastructure/messaging/goal-retired.kafka-consumer.js';
import { GoalSetKafkaConsumer } from '../src/infrastructure/messaging/goal-set.kafka-consumer.js';
import { goalState, startAnalytics, type AnalyticsHarness } from './support/analytics-harness.js';

// A tracker follows its goal through strategy's GoalChanged and GoalRetired, and ignores stale news.

describe('analytics: a tracker follows its goal', () => {
  let analytics: AnalyticsHarness;
  const tenantId = uuidv7();
  const workspaceId = uuidv7();
  const meta = { tenantId, workspaceId, correlationId: uuidv7() };

  beforeAll(async () => {
    analytics = await startAnalytics();
  }, 60_000);

  afterAll(async () => {
    await analytics?.close();
  });

  const tracker = async (goalId: string): Promise<KpiTrackerProps | undefined> => {
    const items = await analytics.service.app
      .get(QueryBus)
      .execute(new ListKpiTrackersQuery(tenantId, workspaceId, goalId));
    expect(items.length).toBeLessThanOrEqual(1);
    return items[0];
  };
  const set = (goalId: string) =>
    analytics.deliver(GoalSetKafkaConsumer, createEnvelope(goalSetV1, meta, goalState(goalId)));
  const change = (goalId: string, revision: number, overrides: Parameters<typeof goalState>[1]) =>
    analytics.deliver(
      GoalChangedKafkaConsumer,
      createEnvelope(goalChangedV1, meta, {
        ...goalState(goalId, { revision, ...overrides }),
        changedFields: ['target'],
      }),
    );
  const retire = (goalId: string, reason: 'achieved' | 'abandoned') =>
    analytics.deliver(
      GoalRetiredKafkaConsumer,
      createEnvelope(goalRetiredV1, meta, { goalId, reason, replacedByGoalId: null, retiredById: null }),
    );

  it('takes a changed target, title and deadline, and pauses with the goal', async () => {
    const goalId = uuidv7();
    await set(goalId);
    await change(goalId, 2, {
      title: 'Followers way up',
      target: { unit: 'count', value: 4500 },
      deadline: '2027-03-31T00:00:00.000Z',
      status: 'paused',
    });

    expect(await tracker(goalId)).toMatchObject({
      goalRevision: 2,
      title: 'Followers way up',
      target: { unit: 'count', value: 4500 },
      deadline: new Date('2027-03-31T00:00:00.000Z'),
      status: 'paused',
    });

    await change(goalId, 3, { status: 'active' });
    expect(await tracker(goalId)).toMatchObject({ goalRevision: 3, status: 'tracking' });
  });

  it('drops a change older than the revision it holds', async () => {
    const goalId = uuidv7();
    await set(goalId);
    await change(goalId, 3, { title: 'Third' });
    await change(goalId, 2, { title: 'Second, arriving late' });
    expect(await tracker(goalId)).toMatchObject({ goalRevision: 3, title: 'Third' });
  });

  it('starts tracking a goal it first hears of through a change', async () => {
    const goalId = uuidv7();
    await change(goalId, 4, {
      metric: 'followers',
      baseline: { unit: 'count', value: 900 },
      target: { unit: 'count', value: 2000 },
    });
    expect(await tracker(goalId)).toMatchObject({ goalRevision: 4, metric: 'followers', status: 'tracking' });
  });

  it('retires with the reason, keeps the first reason, and ignores later changes', async () => {
    const goalId = uuidv7();
    await set(goalId);
    await retire(goalId, 'achieved');
    await retire(goalId, 'abandoned');
    await change(goalId, 5, { title: 'Edited after retirement' });

    const retired = await tracker(goalId);
    expect(retired).toMatchObject({
      status: 'retired',
      retiredReason: 'achieved',
      title: 'Grow Bluesky followers',
    });
    expect(retired?.retiredAt).toBeInstanceOf(Date);
  });

  it('ignores the retirement of a goal it never tracked', async () => {
    const goalId = uuidv7();
    await retire(goalId, 'abandoned');
    expect(await tracker(goalId)).toBeUndefined();
  });
});
