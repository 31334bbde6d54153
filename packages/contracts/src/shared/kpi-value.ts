import { z } from 'zod';
import { CurrencyCode } from './primitives.js';

/** A KPI reading or target with its unit; money stays in minor units. */
export const KpiValueSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('count'), value: z.int().nonnegative() }),
  z.object({ unit: z.literal('percent'), value: z.number().describe('12.5 means 12.5 %') }),
  z.object({ unit: z.literal('ratio'), value: z.number().describe('e.g. a ROAS of 3.2') }),
  z.object({ unit: z.literal('money'), amountMinor: z.int(), currency: CurrencyCode }),
]);

export type KpiValue = z.infer<typeof KpiValueSchema>;
