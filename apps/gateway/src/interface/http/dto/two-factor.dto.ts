import { z } from 'zod';
import { TotpCode } from './sign-in.dto.js';

export const TwoFactorCodeBody = z.strictObject({ code: TotpCode });
export type TwoFactorCodeBody = z.infer<typeof TwoFactorCodeBody>;

/** No body while two-factor sign-in is off; a current code of the old secret to replace it while it is on. */
export const TwoFactorSetUpBody = z
  .strictObject({
    code: TotpCode.optional().describe(
      'While two-factor sign-in is on: the current code from your authenticator app (replacing the secret)',
    ),
  })
  .optional();
export type TwoFactorSetUpBody = z.infer<typeof TwoFactorSetUpBody>;

export const TwoFactorSetUpResponse = z.object({
  secret: z.string().describe('Base32 secret, to type into an authenticator app'),
  otpauthUri: z.string().describe('otpauth://totp/... to show as a QR code'),
});
