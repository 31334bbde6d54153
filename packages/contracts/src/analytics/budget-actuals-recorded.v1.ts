import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';
import { CurrencyCode, Id, Instant, NetworkId } from '../shared/primitives.js';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a calendar month such as '2027-01'");

/**
 * What one workspace really spent and earned in one month, whole (a snapshot, not a delta): analytics closes
 * the loop back to strategy with it (ad spend synced by ads, revenue from the collector or the CRM, team and
 * tool costs entered by the agency). Strategy keeps the statement with the latest `asOf` per month and shows
 * it against the budget plan in its profit-and-loss view.
 */
export const budgetActualsRecordedV1 = defineEvent({
  type: 'BudgetActualsRecorded',
  version: 1,
  source: 'analytics',
  payload: z
    .object({
      month: Month.describe('The calendar month the figures are for'),
      currency: CurrencyCode.describe('Currency of every amount in the statement'),
      asOf: Instant.describe(
        'When the figures were taken; a consumer drops a statement older than the one it holds for the month',
      ),
      lines: z
        .array(
          z.object({
            category: z.enum(['paid-media', 'team', 'tools', 'other-cost', 'revenue']),
            network: NetworkId.nullable().describe('Set for paid media and revenue attributed to a network'),
            goalId: Id.nullable().describe('The strategy goal the revenue or spend is attributed to, if any'),
            amountMinor: z.int().nonnegative().describe('Amount in minor units of the statement currency'),
          }),
        )
        .max(1000),
    })
    .describe("A month's actual costs and revenue for the workspace, whole"),
});

export type BudgetActualsRecordedV1 = PayloadOf<typeof budgetActualsRecordedV1>;
