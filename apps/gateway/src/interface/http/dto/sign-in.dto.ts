import { z } from 'zod';

export const TotpCode = z
  .string()
  .regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app')
  .describe('The current code from the authenticator app, when two-factor sign-in is on');

export const SignInBody = z.strictObject({
  email: z.email(),
  password: z.string().min(1).max(200),
  totpCode: TotpCode.optional(),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const SignInResponse = z.object({
  userId: z.uuid(),
  token: z.string().describe('API token for Authorization: Bearer; shown once'),
  expiresAt: z.iso.datetime(),
});

export const SessionResponse = z.object({
  userId: z.uuid(),
  csrfToken: z
    .string()
    .describe(
      'Send it as x-csrf-token on every POST, PUT, PATCH and DELETE (also in the chorus_csrf cookie)',
    ),
  expiresAt: z.iso.datetime(),
});
