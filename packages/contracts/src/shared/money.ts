import { z } from 'zod';
import { CurrencyCode } from './primitives.js';

/** An amount in the currency's minor units (cents for EUR), never a float. */
export const MoneySchema = z.object({
  amountMinor: z.int().describe('Amount in minor units, e.g. 1999 for EUR 19.99'),
  currency: CurrencyCode,
});

export type Money = z.infer<typeof MoneySchema>;
