import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { Api, eventually } from './api.js';

export interface LogRecord {
  readonly service?: string;
  readonly msg?: string;
  readonly correlationId?: string;
  readonly [field: string]: unknown;
}

/**
 * The first cross-service flow: a goal set through the gateway in strategy becomes, through GoalSet v1 on
 * the bus, a KPI tracker in analytics that the same member reads back through the gateway; one correlation
 * id runs through the logs of both services.
 */
export async function goalBecomesKpiTracker(
  baseUrl: string,
  logs: () => LogRecord[],
  timeoutMs: number,
): Promise<void> {
  const { api } = await new Api(baseUrl).signUp();
  const correlationId = randomUUID();
  const deadline = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString();

  const created = await api.call<{ id: string; metric: string }>('POST', '/api/strategy/goals', {
    correlationId,
    body: {
      title: 'Grow Instagram followers',
      metric: 'followers',
      baseline: { unit: 'count', value: 1200 },
      target: { unit: 'count', value: 5000 },
      deadline,
      timeZone: 'Europe/Rome',
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.headers.get('x-correlation-id')).toBe(correlationId);
  const goalId = created.body.id;

  const tracker = await eventually(
    async () => {
      const list = await api.call<{
        items: { goalId: string; metric: string; target: unknown; current: unknown }[];
      }>('GET', '/api/analytics/kpi-trackers');
      expect(list.status).toBe(200);
      return list.body.items.find((item) => item.goalId === goalId);
    },
    timeoutMs,
    'the KPI tracker of the new goal',
  );
  expect(tracker).toMatchObject({
    metric: 'followers',
    target: { unit: 'count', value: 5000 },
    current: null,
  });

  const records = await eventually(
    () => {
      const mine = logs().filter((r) => r.correlationId === correlationId);
      const services = new Set(mine.map((r) => r.service));
      return Promise.resolve(services.has('strategy') && services.has('analytics') ? mine : undefined);
    },
    timeoutMs,
    'log lines of strategy and analytics with the request correlation id',
  );
  expect(records.some((r) => r.service === 'strategy' && r.msg === 'goal set')).toBe(true);
  expect(records.some((r) => r.service === 'analytics' && r.msg === 'KPI tracker started')).toBe(true);
  expect(records.some((r) => r.service === 'gateway')).toBe(true);
}
