import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetActualsRecordedV1, createEnvelope, uuidv7, type EventEnvelope } from '@chorus/contracts';
import type { Outbox } from '@chorus/messaging';
import { OUTBOX } from '@chorus/service-kit';
import { StrategyTestService, type Caller } from './support/strategy-test-service.js';
import { budgetBody } from './support/strategy-fixtures.js';

// BudgetActualsRecorded v1 reaches strategy through a real outbox and the in-process relay, like any event from
// analytics would; the profit-and-loss view shows it, once, and only the newest statement of a month.

interface Pnl {
  months: {
    month: string;
    actual: { costMinor: number; revenueMinor: number } | null;
    actualAsOf: string | null;
  }[];
}

describe('strategy: BudgetActualsRecorded v1 consumer', () => {
  let s: StrategyTestService;
  const caller: Caller = StrategyTestService.newCaller(['admin']);
  const month = new Date().toISOString().slice(0, 7);

  beforeAll(async () => {
    s = await StrategyTestService.start();
    const saved = await s.call(caller, 'PUT', '/budget-plan', budgetBody(uuidv7(), { expectedReturns: [] }));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await s?.stop();
  });

  const statement = (asOf: string, revenueMinor: number) =>
    createEnvelope(
      budgetActualsRecordedV1,
      { tenantId: caller.tenantId, workspaceId: caller.workspaceId, correlationId: uuidv7() },
      {
        month,
        currency: 'EUR',
        asOf,
        lines: [
          { category: 'paid-media', network: 'instagram', goalId: null, amountMinor: 45_000 },
          { category: 'team', network: null, goalId: null, amountMinor: 61_000 },
          { category: 'revenue', network: 'instagram', goalId: null, amountMinor: revenueMinor },
        ],
      },
    );

  /** Publishes as a producer would: into an outbox, in a transaction; the relay does the rest. */
  const publish = (event: EventEnvelope) =>
    s.service.serviceDb.withTenant(caller.tenantId, (tx) =>
      s.service.app.get<Outbox>(OUTBOX).add(tx, [event]),
    );

  const firstMonth = async () =>
    (await s.call<Pnl>(caller, 'GET', '/budget-plan/profit-and-loss')).body.months[0]!;

  const processed = async (eventId: string) => {
    const rows = await s.service.serviceDb.asSystem((tx) =>
      tx.query<{ n: string }>(
        `SELECT count(*) AS n FROM strategy.processed_message WHERE consumer_group = 'strategy' AND event_id = $1`,
        [eventId],
      ),
    );
    return Number(rows[0]!.n);
  };

  const inOutbox = async (eventId: string) => {
    const rows = await s.service.serviceDb.asSystem((tx) =>
      tx.query<{ n: string }>(`SELECT count(*) AS n FROM strategy.outbox WHERE event_id = $1`, [eventId]),
    );
    return Number(rows[0]!.n);
  };

  async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await probe();
      if (ok(value) || Date.now() > deadline) {
        return value;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('shows the actuals in the profit-and-loss view', async () => {
    expect((await firstMonth()).actual).toBeNull();
    await publish(statement('2026-12-02T06:00:00.000Z', 500_000));
    const shown = await until(firstMonth, (m) => m.actual !== null);
    expect(shown.actual).toMatchObject({ costMinor: 106_000, revenueMinor: 500_000 });
    expect(shown.actualAsOf).toBe('2026-12-02T06:00:00.000Z');
  });

  it('applies a redelivered event once, and drops an older statement of the month', async () => {
    const newer = statement('2026-12-03T06:00:00.000Z', 700_000);
    await publish(newer);
    await until(firstMonth, (m) => m.actual?.revenueMinor === 700_000);
    await until(
      () => processed(newer.eventId),
      (n) => n === 1,
    );
    await until(
      () => inOutbox(newer.eventId),
      (n) => n === 0,
    ); // relayed and deleted: its event id is free again
    await publish(newer); // the same event id again, as a relay crash before deleting its batch would
    const older = statement('2026-12-01T06:00:00.000Z', 1);
    await publish(older);
    await until(
      () => processed(older.eventId),
      (n) => n === 1,
    );
    expect(await processed(newer.eventId)).toBe(1);
    expect((await firstMonth()).actual).toMatchObject({ revenueMinor: 700_000 });
    expect((await firstMonth()).actualAsOf).toBe('2026-12-03T06:00:00.000Z');
  });
});
