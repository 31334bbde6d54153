import { Command } from '@nestjs/cqrs';

/** Turns two-factor sign-in off; needs a current code, so a stolen session alone cannot do it. */
export class DisableTwoFactorCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
    readonly code: string,
  ) {
    super();
  }
}
