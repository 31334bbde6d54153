import { Command } from '@nestjs/cqrs';

/** Turns two-factor sign-in off; needs the current password and a current code, so a stolen session cannot. */
export class DisableTwoFactorCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
    readonly password: string,
    readonly code: string,
  ) {
    super();
  }
}
