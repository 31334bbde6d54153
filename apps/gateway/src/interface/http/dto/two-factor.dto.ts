import { z } from 'zod';
import { TotpCode } from './sign-in.dto.js';

/** Re-authentication: a session alone (stolen, or a browser left open) must not change the second factor. */
const CurrentPassword = z
  .string()
  .min(1)
  .max(200)
  .describe('Your current password: changing two-factor sign-in needs it, not only a session');

export const TwoFactorCodeBody = z.strictObject({ code: TotpCode });
export type TwoFactorCodeBody = z.infer<typeof TwoFactorCodeBody>;

export const TwoFactorDisableBody = z.strictObject({ password: CurrentPassword, code: TotpCode });
export type TwoFactorDisableBody = z.infer<typeof TwoFactorDisableBody>;

/** The current password; while two-factor sign-in is on, also a current code of the old secret to replace it. */
export const TwoFactorSetUpBody = z.strictObject({
  password: CurrentPassword,
  code: TotpCode.optional().describe(
    'While two-factor sign-in is on: the current code from your authenticator app (replacing the secret)',
  ),
});
export type TwoFactorSetUpBody = z.infer<typeof TwoFactorSetUpBody>;

export const TwoFactorSetUpResponse = z.object({
  secret: z.string().describe('Base32 secret, to type into an authenticator app'),
  otpauthUri: z.string().describe('otpauth://totp/... to show as a QR code'),
});
