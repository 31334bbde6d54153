import { Command } from '@nestjs/cqrs';

export interface TwoFactorSetUp {
  /** Base32, for typing into an authenticator app by hand. */
  readonly secret: string;
  /** otpauth://totp/... for a QR code. */
  readonly otpauthUri: string;
}

/**
 * Hands out a new secret; two-factor sign-in is on once ConfirmTwoFactorCommand gets a code from it. Needs the
 * current password (re-authentication), and while two-factor sign-in is on a current code of the old secret too,
 * so a stolen session alone can neither enrol the thief's authenticator nor replace the owner's.
 */
export class SetUpTwoFactorCommand extends Command<TwoFactorSetUp> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
    readonly password: string,
    readonly currentCode?: string,
  ) {
    super();
  }
}
