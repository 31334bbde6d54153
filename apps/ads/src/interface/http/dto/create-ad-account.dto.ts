import { z } from 'zod';

export const CreateAdAccountBody = z.strictObject({
  network: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a network id such as meta'),
  externalId: z.string().trim().min(1).max(200).describe('The account id on the ads platform'),
  name: z.string().trim().min(1).max(200),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as EUR'),
});

export type CreateAdAccountBody = z.infer<typeof CreateAdAccountBody>;
