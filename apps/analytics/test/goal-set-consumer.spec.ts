import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, goalSetV1, uuidv7 } from '@chorus/contracts';
import { GoalSetKafkaConsumer } from '../src/infrastructure/messaging/goal-set.kafka-consumer.js';
import { goalState, startAnalytics, type AnalyticsHarness } from './support/analytics-harness.js';

// Its consumer applied twice to one goal keeps one tracker.

describe('analytics: GoalSet v1 consumer', () => {
  let analytics: AnalyticsHarness;
  const tenantId = uuidv7();
  const workspaceId = uuidv7();
  const CORRELATION_ID = uuidv7();

  beforeAll(async () => {
    analytics = await startAnalytics();
  }, 60_000);

  afterAll(async () => {
    await analytics?.close();
  });

  const goalSet = (goalId: string) =>
    createEnvelope(goalSetV1, { tenantId, workspaceId, correlationId: CORRELATION_ID }, goalState(goalId));

  const trackers = () =>
    analytics.service.serviceDb.withTenant(tenantId, (tx) =>
      tx.query<{ goal_id: string; metric: string }>('SELECT goal_id, metric FROM analytics.kpi_tracker'),
    );

  it('starts one tracker per goal, even when a GoalSet for it arrives again', async () => {
    const goalId = uuidv7();
    await analytics.deliver(GoalSetKafkaConsumer, goalSet(goalId));
    // a second GoalSet for the goal (another event id): no second tracker
    await analytics.deliver(GoalSetKafkaConsumer, goalSet(goalId));
    expect(await trackers()).toEqual([{ goal_id: goalId, metric: 'followers' }]);
  });

  it("logs under the event's correlation id", () => {
    const records = analytics.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toContainEqual(
      expect.objectContaining({
        service: 'analytics',
        msg: 'KPI tracker started',
        correlationId: CORRELATION_ID,
      }),
    );
    expect(records).toContainEqual(expect.objectContaining({ msg: 'KPI tracker already exists' }));
  });
});
