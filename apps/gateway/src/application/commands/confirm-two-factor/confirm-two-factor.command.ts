import { Command } from '@nestjs/cqrs';

/** Turns two-factor sign-in on with a first code from the secret set-up handed out. */
export class ConfirmTwoFactorCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly memberId: string,
    readonly code: string,
  ) {
    super();
  }
}
