import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeyPair, parseIdentityPublicKey } from '@chorus/access';
import { createEnvelope, goalSetV1, uuidv7, type EventEnvelope, type GoalSetV1 } from '@chorus/contracts';
import { Database } from '@chorus/persistence';
import { bootstrapService, withCorrelation, type RunningService } from '@chorus/service-kit';
import { analyticsService } from '../src/index.js';
import { GoalSetKafkaConsumer } from '../src/infrastructure/messaging/goal-set.kafka-consumer.js';

// The analytics app booted alone on in-process PGlite: its consumer applied twice to one goal keeps one tracker.

describe('analytics: GoalSet v1 consumer', () => {
  const lines: string[] = [];
  let database: Database;
  let service: RunningService;
  const tenantId = uuidv7();
  const workspaceId = uuidv7();
  const CORRELATION_ID = uuidv7();

  beforeAll(async () => {
    database = await Database.open({ kind: 'pglite', dataDir: null });
    service = await bootstrapService(analyticsService, {
      database,
      bus: null,
      identityPublicKey: parseIdentityPublicKey(generateIdentityKeyPair().publicKeyPem),
      logLevel: 'info',
      logSink: (line) => lines.push(line),
    });
  }, 60_000);

  afterAll(async () => {
    await service?.app.close();
    await database?.close();
  });

  const goalSet = (goalId: string): EventEnvelope<GoalSetV1> =>
    createEnvelope(
      goalSetV1,
      { tenantId, workspaceId, correlationId: CORRELATION_ID },
      {
        goalId,
        revision: 1,
        title: 'Engagement up',
        metric: 'engagement-rate',
        baseline: { unit: 'percent', value: 1.5 },
        target: { unit: 'percent', value: 3 },
        startsAt: '2026-01-01T00:00:00.000Z',
        deadline: '2026-12-31T00:00:00.000Z',
        timeZone: 'Europe/Rome',
        scope: { channelIds: [], audienceIds: [] },
        ownerId: uuidv7(),
        status: 'active',
      },
    );

  const deliver = (event: EventEnvelope<GoalSetV1>) => {
    const handler = withCorrelation(service.app.get(GoalSetKafkaConsumer), service.logger);
    return service.serviceDb.withTenant(tenantId, (tx) => handler.handle(event, tx));
  };

  const trackers = () =>
    service.serviceDb.withTenant(tenantId, (tx) =>
      tx.query<{ goal_id: string; metric: string }>('SELECT goal_id, metric FROM analytics.kpi_tracker'),
    );

  it('starts one tracker per goal, even when a GoalSet for it arrives again', async () => {
    const goalId = uuidv7();
    await deliver(goalSet(goalId));
    await deliver(goalSet(goalId)); // a second GoalSet for the goal (another event id): no second tracker
    expect(await trackers()).toEqual([{ goal_id: goalId, metric: 'engagement-rate' }]);
  });

  it("logs under the event's correlation id", () => {
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
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
