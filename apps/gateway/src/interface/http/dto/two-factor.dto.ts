import { z } from 'zod';
import { TotpCode } from './sign-in.dto.js';

export const TwoFactorCodeBody = z.strictObject({ code: TotpCode });
export type TwoFactorCodeBody = z.infer<typeof TwoFactorCodeBody>;

export const TwoFactorSetUpResponse = z.object({
  secret: z.string().describe('Base32 secret, to type into an authenticator app'),
  otpauthUri: z.string().describe('otpauth://totp/... to show as a QR code'),
});
