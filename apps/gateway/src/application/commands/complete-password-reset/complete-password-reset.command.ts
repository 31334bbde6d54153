import { Command } from '@nestjs/cqrs';

/**
 * Sets a new password with the token from the reset e-mail, then ends every other way into the account: every
 * browser session, sign-in token and named API token is revoked (whoever had the old password may have made
 * one), audited with `member.password-set`.
 */
export class CompletePasswordResetCommand extends Command<void> {
  constructor(
    readonly token: string,
    readonly password: string,
    /** The client's address, for the per-address limit on wrong or spent links. */
    readonly ip: string,
  ) {
    super();
  }
}
