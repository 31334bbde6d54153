import { z } from 'zod';
import type { BudgetPlanView } from '../../../application/queries/get-budget-plan/get-budget-plan.query.js';
import type { ProfitAndLoss } from '../../../domain/profit-and-loss.value-object.js';
import { AmountMinorDto, MonthDto, NetworkDto, ShortText } from './common.dto.js';

export const BudgetPlanBody = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as EUR'),
  startMonth: MonthDto,
  months: z.int().min(1).max(36),
  team: z
    .array(
      z.strictObject({
        role: ShortText,
        hoursPerMonth: z.number().min(0, 'must not be negative').max(744),
        hourlyRateMinor: AmountMinorDto,
      }),
    )
    .max(50)
    .default([]),
  tools: z
    .array(z.strictObject({ name: ShortText, monthlyCostMinor: AmountMinorDto }))
    .max(50)
    .default([]),
  paidMedia: z
    .array(z.strictObject({ network: NetworkDto, month: MonthDto, amountMinor: AmountMinorDto }))
    .max(1000)
    .default([]),
  expectedReturns: z
    .array(
      z.strictObject({
        goalId: z.uuid(),
        amountMinor: AmountMinorDto.describe('Return expected from the goal over the whole plan'),
        rationale: z.string().trim().max(1000).default(''),
      }),
    )
    .max(50)
    .default([]),
});

export type BudgetPlanBody = z.infer<typeof BudgetPlanBody>;

export const BudgetPlanDto = BudgetPlanBody.extend({
  revision: z.int(),
  updatedAt: z.iso.datetime(),
  totals: z.object({
    teamMonthlyMinor: z.int(),
    toolsMonthlyMinor: z.int(),
    perMonth: z.array(
      z.object({
        month: z.string(),
        teamMinor: z.int(),
        toolsMinor: z.int(),
        paidMediaMinor: z.int(),
        totalMinor: z.int(),
      }),
    ),
    paidMediaByNetwork: z.array(z.object({ network: z.string(), amountMinor: z.int() })),
    totalCostMinor: z.int(),
    expectedReturnMinor: z.int(),
    expectedRoi: z.number().nullable().describe('(expected return - cost) / cost'),
  }),
  returnsByGoal: z.array(
    z.object({ goalId: z.uuid(), title: z.string(), amountMinor: z.int(), rationale: z.string() }),
  ),
});

export type BudgetPlanDto = z.infer<typeof BudgetPlanDto>;

export function toBudgetPlanDto(view: BudgetPlanView): BudgetPlanDto {
  const { tenantId: _tenant, workspaceId: _workspace, updatedBy: _by, updatedAt, ...plan } = view.plan;
  return JSON.parse(
    JSON.stringify({ ...plan, updatedAt, totals: view.totals, returnsByGoal: view.returnsByGoal }),
  ) as BudgetPlanDto;
}

const Figures = z.object({
  teamMinor: z.int(),
  toolsMinor: z.int(),
  paidMediaMinor: z.int(),
  otherCostMinor: z.int(),
  costMinor: z.int(),
  revenueMinor: z.int(),
  profitMinor: z.int(),
});

export const ProfitAndLossDto = z.object({
  currency: z.string(),
  months: z.array(
    z.object({
      month: z.string(),
      planned: Figures,
      actual: Figures.nullable(),
      actualAsOf: z.iso.datetime().nullable(),
      profitVarianceMinor: z.int().nullable(),
    }),
  ),
  planned: Figures,
  actual: Figures,
  ignoredStatements: z.array(z.object({ month: z.string(), currency: z.string() })),
});

export function toProfitAndLossDto(pnl: ProfitAndLoss): z.infer<typeof ProfitAndLossDto> {
  return JSON.parse(JSON.stringify(pnl)) as z.infer<typeof ProfitAndLossDto>;
}
