import { Command } from '@nestjs/cqrs';

export interface TwoFactorSetUp {
  /** Base32, for typing into an authenticator app by hand. */
  readonly secret: string;
  /** otpauth://totp/... for a QR code. */
  readonly otpauthUri: string;
}

/**
 * Hands out a new secret; two-factor sign-in is on once ConfirmTwoFactorCommand gets a code from it. While two-factor
 * sign-in is on, replacing the secret needs a current code of the old one, so a stolen session alone cannot.
 */
export class SetUpTwoFactorCommand extends Command<TwoFactorSetUp> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
    readonly currentCode?: string,
  ) {
    super();
  }
}
