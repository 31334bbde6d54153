import { z } from 'zod';

export const KpiValueDto = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('count'), value: z.int().nonnegative() }),
  z.object({ unit: z.literal('percent'), value: z.number().describe('12.5 means 12.5 %') }),
  z.object({ unit: z.literal('ratio'), value: z.number().describe('e.g. a ROAS of 3.2') }),
  z.object({
    unit: z.literal('money'),
    amountMinor: z.int().describe('Minor units, e.g. 1999 for EUR 19.99'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as EUR'),
  }),
]);
