import { z } from 'zod';

/** A connector network id: lower-case kebab-case, e.g. 'instagram'. */
export const NetworkDto = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, "must be a lower-case network id such as 'instagram'");

export const KeyDto = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case such as 'product-tips'");

export const MonthDto = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month such as '2027-01'");

/** Money in minor units; negative amounts are refused with a message that says so. */
export const AmountMinorDto = z.int('must be a whole number of minor units').min(0, 'must not be negative');

export const ShortText = z.string().trim().min(1).max(200);
export const LongText = z.string().trim().max(5000);
