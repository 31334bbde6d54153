import type { BudgetActuals } from './budget-actuals.value-object.js';
import { budgetTotals, type BudgetPlanContent, type Month } from './budget-plan.aggregate.js';

export interface PnlFigures {
  readonly teamMinor: number;
  readonly toolsMinor: number;
  readonly paidMediaMinor: number;
  readonly otherCostMinor: number;
  readonly costMinor: number;
  readonly revenueMinor: number;
  /** revenue - cost. */
  readonly profitMinor: number;
}

export interface PnlMonth {
  readonly month: Month;
  readonly planned: PnlFigures;
  /** null until actuals for the month arrive. */
  readonly actual: PnlFigures | null;
  readonly actualAsOf: Date | null;
  /** actual profit - planned profit; null without actuals. */
  readonly profitVarianceMinor: number | null;
}

export interface ProfitAndLoss {
  readonly currency: string;
  readonly months: readonly PnlMonth[];
  readonly planned: PnlFigures;
  /** Sum over the months that have actuals. */
  readonly actual: PnlFigures;
  /** Statements left out because they are in another currency than the plan. */
  readonly ignoredStatements: readonly { month: Month; currency: string }[];
}

/**
 * Planned figures per month from the budget plan, with the expected return spread evenly over the months
 * (straight line); actual figures from the latest statement for each month in the plan's currency.
 */
export function profitAndLoss(plan: BudgetPlanContent, actuals: readonly BudgetActuals[]): ProfitAndLoss {
  const totals = budgetTotals(plan);
  const revenueShare = spread(totals.expectedReturnMinor, plan.months);
  const ignored = actuals
    .filter((a) => a.currency !== plan.currency)
    .map((a) => ({ month: a.month, currency: a.currency }));
  const byMonth = new Map(actuals.filter((a) => a.currency === plan.currency).map((a) => [a.month, a]));
  const months = totals.perMonth.map((m, i): PnlMonth => {
    const planned = figures(m.teamMinor, m.toolsMinor, m.paidMediaMinor, 0, revenueShare[i] ?? 0);
    const statement = byMonth.get(m.month);
    const actual = statement === undefined ? null : actualFigures(statement);
    return {
      month: m.month,
      planned,
      actual,
      actualAsOf: statement?.asOf ?? null,
      profitVarianceMinor: actual === null ? null : actual.profitMinor - planned.profitMinor,
    };
  });
  return {
    currency: plan.currency,
    months,
    planned: sum(months.map((m) => m.planned)),
    actual: sum(months.flatMap((m) => (m.actual === null ? [] : [m.actual]))),
    ignoredStatements: ignored,
  };
}

function actualFigures(statement: BudgetActuals): PnlFigures {
  const total = (category: string) =>
    statement.lines.filter((l) => l.category === category).reduce((s, l) => s + l.amountMinor, 0);
  return figures(total('team'), total('tools'), total('paid-media'), total('other-cost'), total('revenue'));
}

function figures(team: number, tools: number, paid: number, other: number, revenue: number): PnlFigures {
  const cost = team + tools + paid + other;
  return {
    teamMinor: team,
    toolsMinor: tools,
    paidMediaMinor: paid,
    otherCostMinor: other,
    costMinor: cost,
    revenueMinor: revenue,
    profitMinor: revenue - cost,
  };
}

function sum(list: readonly PnlFigures[]): PnlFigures {
  return figures(
    list.reduce((s, f) => s + f.teamMinor, 0),
    list.reduce((s, f) => s + f.toolsMinor, 0),
    list.reduce((s, f) => s + f.paidMediaMinor, 0),
    list.reduce((s, f) => s + f.otherCostMinor, 0),
    list.reduce((s, f) => s + f.revenueMinor, 0),
  );
}

/** Splits an amount into n whole minor-unit parts that add up exactly (the remainder goes to the first months). */
export function spread(amount: number, n: number): number[] {
  const base = Math.floor(amount / n);
  const remainder = amount - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < remainder ? 1 : 0));
}
