import { InvalidStrategyInputError } from './strategy.errors.js';

/** 'YYYY-MM', a calendar month. */
export type Month = string;

export interface TeamLine {
  readonly role: string;
  readonly hoursPerMonth: number;
  /** Minor units of the plan's currency per hour. */
  readonly hourlyRateMinor: number;
}

export interface ToolLine {
  readonly name: string;
  readonly monthlyCostMinor: number;
}

export interface PaidMediaLine {
  readonly network: string;
  readonly month: Month;
  readonly amountMinor: number;
}

export interface ExpectedReturn {
  readonly goalId: string;
  /** Return expected from the goal over the whole plan, in minor units. */
  readonly amountMinor: number;
  readonly rationale: string;
}

export interface BudgetPlanContent {
  readonly currency: string;
  readonly startMonth: Month;
  readonly months: number;
  readonly team: readonly TeamLine[];
  readonly tools: readonly ToolLine[];
  readonly paidMedia: readonly PaidMediaLine[];
  readonly expectedReturns: readonly ExpectedReturn[];
}

export interface BudgetPlanProps extends BudgetPlanContent {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly revision: number;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

export interface MonthCost {
  readonly month: Month;
  readonly teamMinor: number;
  readonly toolsMinor: number;
  readonly paidMediaMinor: number;
  readonly totalMinor: number;
}

export interface BudgetTotals {
  readonly teamMonthlyMinor: number;
  readonly toolsMonthlyMinor: number;
  readonly perMonth: readonly MonthCost[];
  readonly paidMediaByNetwork: readonly { network: string; amountMinor: number }[];
  readonly totalCostMinor: number;
  readonly expectedReturnMinor: number;
  /** (expected return - cost) / cost; null when nothing is spent. */
  readonly expectedRoi: number | null;
}

/** What the strategy costs (team, tools, paid media per network and month) and what it should return. */
export class BudgetPlan {
  private constructor(private readonly props: BudgetPlanProps) {}

  static save(
    previous: BudgetPlanProps | null,
    input: BudgetPlanContent & { tenantId: string; workspaceId: string; updatedBy: string },
    now: Date,
  ): BudgetPlan {
    checkBudget(input);
    return new BudgetPlan({ ...input, revision: (previous?.revision ?? 0) + 1, updatedAt: now });
  }

  static restore(props: BudgetPlanProps): BudgetPlan {
    return new BudgetPlan(props);
  }

  snapshot(): BudgetPlanProps {
    return this.props;
  }

  totals(): BudgetTotals {
    return budgetTotals(this.props);
  }
}

/** Team cost = sum of hours x rate (rounded to the minor unit per line); tools monthly; paid media as planned. */
export function budgetTotals(plan: BudgetPlanContent): BudgetTotals {
  const teamMonthlyMinor = plan.team.reduce((s, t) => s + Math.round(t.hoursPerMonth * t.hourlyRateMinor), 0);
  const toolsMonthlyMinor = plan.tools.reduce((s, t) => s + t.monthlyCostMinor, 0);
  const perMonth = monthsOf(plan).map((month) => {
    const paidMediaMinor = plan.paidMedia
      .filter((p) => p.month === month)
      .reduce((s, p) => s + p.amountMinor, 0);
    return {
      month,
      teamMinor: teamMonthlyMinor,
      toolsMinor: toolsMonthlyMinor,
      paidMediaMinor,
      totalMinor: teamMonthlyMinor + toolsMonthlyMinor + paidMediaMinor,
    };
  });
  const byNetwork = new Map<string, number>();
  for (const p of plan.paidMedia) {
    byNetwork.set(p.network, (byNetwork.get(p.network) ?? 0) + p.amountMinor);
  }
  const totalCostMinor = perMonth.reduce((s, m) => s + m.totalMinor, 0);
  const expectedReturnMinor = plan.expectedReturns.reduce((s, r) => s + r.amountMinor, 0);
  return {
    teamMonthlyMinor,
    toolsMonthlyMinor,
    perMonth,
    paidMediaByNetwork: [...byNetwork].map(([network, amountMinor]) => ({ network, amountMinor })),
    totalCostMinor,
    expectedReturnMinor,
    expectedRoi:
      totalCostMinor === 0
        ? null
        : Math.round(((expectedReturnMinor - totalCostMinor) / totalCostMinor) * 1000) / 1000,
  };
}

/** The plan's months in order, from startMonth. */
export function monthsOf(plan: Pick<BudgetPlanContent, 'startMonth' | 'months'>): Month[] {
  const [year, month] = plan.startMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: plan.months }, (_, i) => {
    const index = year * 12 + (month - 1) + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

function checkBudget(plan: BudgetPlanContent): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(plan.startMonth)) {
    throw new InvalidStrategyInputError('startMonth', "must be a month such as '2027-01'");
  }
  if (!Number.isInteger(plan.months) || plan.months < 1 || plan.months > 36) {
    throw new InvalidStrategyInputError('months', 'must be a whole number from 1 to 36');
  }
  const negative = (field: string, value: number) => {
    if (value < 0) {
      throw new InvalidStrategyInputError(field, `must not be negative (got ${value})`);
    }
  };
  plan.team.forEach((t, i) => {
    negative(`team.${i}.hoursPerMonth`, t.hoursPerMonth);
    negative(`team.${i}.hourlyRateMinor`, t.hourlyRateMinor);
  });
  plan.tools.forEach((t, i) => negative(`tools.${i}.monthlyCostMinor`, t.monthlyCostMinor));
  const months = new Set(monthsOf(plan));
  plan.paidMedia.forEach((p, i) => {
    negative(`paidMedia.${i}.amountMinor`, p.amountMinor);
    if (!months.has(p.month)) {
      throw new InvalidStrategyInputError(
        `paidMedia.${i}.month`,
        `${p.month} is outside the plan (${plan.startMonth}, ${plan.months} month(s))`,
      );
    }
  });
  const goals = new Set<string>();
  plan.expectedReturns.forEach((r, i) => {
    negative(`expectedReturns.${i}.amountMinor`, r.amountMinor);
    if (goals.has(r.goalId)) {
      throw new InvalidStrategyInputError(
        `expectedReturns.${i}.goalId`,
        'has another expected return already',
      );
    }
    goals.add(r.goalId);
  });
}
