import { describe, expect, it } from 'vitest';
import { BudgetPlan, budgetTotals, monthsOf, type BudgetPlanContent } from './budget-plan.aggregate.js';
import { profitAndLoss, spread } from './profit-and-loss.value-object.js';
import { InvalidStrategyInputError } from './strategy.errors.js';

const goalId = '0190a1b2-0000-7000-8000-000000000001';
const plan: BudgetPlanContent = {
  currency: 'EUR',
  startMonth: '2026-11',
  months: 3,
  team: [
    { role: 'Strategist', hoursPerMonth: 10, hourlyRateMinor: 6000 },
    { role: 'Content manager', hoursPerMonth: 40.5, hourlyRateMinor: 3500 },
  ],
  tools: [{ name: 'Chorus hosting', monthlyCostMinor: 2900 }],
  paidMedia: [
    { network: 'instagram', month: '2026-11', amountMinor: 50000 },
    { network: 'instagram', month: '2027-01', amountMinor: 30000 },
    { network: 'linkedin', month: '2027-01', amountMinor: 20000 },
  ],
  expectedReturns: [{ goalId, amountMinor: 1_000_000, rationale: '50 leads x EUR 200' }],
};

function problem(content: BudgetPlanContent): string | undefined {
  try {
    BudgetPlan.save(null, { ...content, tenantId: 't', workspaceId: 'w', updatedBy: 'u' }, new Date());
  } catch (error) {
    if (error instanceof InvalidStrategyInputError) {
      return error.message;
    }
    throw error;
  }
  return undefined;
}

describe('budget math', () => {
  it('lists the plan months across a year end', () => {
    expect(monthsOf(plan)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('costs the team as roles x hours x rate, plus tools, plus paid media per month', () => {
    const t = budgetTotals(plan);
    expect(t.teamMonthlyMinor).toBe(10 * 6000 + Math.round(40.5 * 3500)); // 60 000 + 141 750
    expect(t.perMonth.map((m) => m.totalMinor)).toEqual([
      201_750 + 2900 + 50_000,
      201_750 + 2900,
      201_750 + 2900 + 50_000,
    ]);
    expect(t.paidMediaByNetwork).toEqual([
      { network: 'instagram', amountMinor: 80_000 },
      { network: 'linkedin', amountMinor: 20_000 },
    ]);
    expect(t.totalCostMinor).toBe(3 * 204_650 + 100_000);
    expect(t.expectedRoi).toBeCloseTo((1_000_000 - 713_950) / 713_950, 3);
  });

  it('has no ROI when nothing is spent', () => {
    expect(budgetTotals({ ...plan, team: [], tools: [], paidMedia: [] }).expectedRoi).toBeNull();
  });

  it('refuses negative amounts, naming the field', () => {
    expect(problem({ ...plan, tools: [{ name: 'x', monthlyCostMinor: -1 }] })).toBe(
      'tools.0.monthlyCostMinor: must not be negative (got -1)',
    );
    expect(problem({ ...plan, team: [{ role: 'x', hoursPerMonth: 5, hourlyRateMinor: -100 }] })).toMatch(
      /^team\.0\.hourlyRateMinor: must not be negative/,
    );
    expect(problem({ ...plan, paidMedia: [{ network: 'x', month: '2026-11', amountMinor: -5 }] })).toMatch(
      /^paidMedia\.0\.amountMinor/,
    );
  });

  it('refuses paid media outside the plan and a goal with two expected returns', () => {
    expect(problem({ ...plan, paidMedia: [{ network: 'x', month: '2027-02', amountMinor: 5 }] })).toBe(
      'paidMedia.0.month: 2027-02 is outside the plan (2026-11, 3 month(s))',
    );
    expect(
      problem({ ...plan, expectedReturns: [plan.expectedReturns[0]!, plan.expectedReturns[0]!] }),
    ).toMatch(/^expectedReturns\.1\.goalId/);
  });

  it('spreads an amount into whole parts that add up exactly', () => {
    expect(spread(100, 3)).toEqual([34, 33, 33]);
  });
});

describe('profit and loss', () => {
  const actuals = (month: string, currency = 'EUR') => ({
    tenantId: 't',
    workspaceId: 'w',
    month,
    currency,
    asOf: new Date('2026-12-02T00:00:00Z'),
    lines: [
      { category: 'team' as const, network: null, goalId: null, amountMinor: 200_000 },
      { category: 'paid-media' as const, network: 'instagram', goalId, amountMinor: 60_000 },
      { category: 'revenue' as const, network: 'instagram', goalId, amountMinor: 400_000 },
    ],
  });

  it('puts actuals next to the plan, month by month, with the profit variance', () => {
    const pnl = profitAndLoss(plan, [actuals('2026-11')]);
    const november = pnl.months[0]!;
    expect(november.planned).toMatchObject({
      costMinor: 254_650,
      revenueMinor: 333_334,
      profitMinor: 78_684,
    });
    expect(november.actual).toMatchObject({
      costMinor: 260_000,
      revenueMinor: 400_000,
      profitMinor: 140_000,
    });
    expect(november.profitVarianceMinor).toBe(140_000 - 78_684);
    expect(pnl.months[1]!.actual).toBeNull();
    expect(pnl.actual.revenueMinor).toBe(400_000);
    expect(pnl.planned.revenueMinor).toBe(1_000_000);
  });

  it('leaves out a statement in another currency, and says so', () => {
    const pnl = profitAndLoss(plan, [actuals('2026-11', 'USD')]);
    expect(pnl.months[0]!.actual).toBeNull();
    expect(pnl.ignoredStatements).toEqual([{ month: '2026-11', currency: 'USD' }]);
  });
});
