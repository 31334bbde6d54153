import { z } from 'zod';

export const SignUpBody = z.strictObject({
  agencyName: z.string().trim().min(1).max(200).describe('Your company: the agency that runs Chorus'),
  workspaceName: z.string().trim().min(1).max(200).describe('The first brand you manage'),
  name: z.string().trim().min(1).max(200).describe('Your name'),
  email: z.email(),
  password: z.string().min(12, 'must be at least 12 characters').max(200),
});
export type SignUpBody = z.infer<typeof SignUpBody>;

/** The same for a new and a taken e-mail (ADR 0017): no ids and no token; sign in next. */
export const SignUpResponse = z.object({
  message: z.string().describe('What to do next: sign in with this e-mail and password'),
  signIn: z.string().describe('Where a browser signs in: POST it the e-mail and password'),
});
