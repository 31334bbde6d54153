import { Command } from '@nestjs/cqrs';

/**
 * Mails a reset link when the e-mail has an account; answers the same either way, and throws
 * TooManyAttemptsError for an e-mail or address over its limit whether the account exists or not.
 */
export class RequestPasswordResetCommand extends Command<void> {
  constructor(
    readonly email: string,
    /** The client's address, for the per-address limit. */
    readonly ip: string,
  ) {
    super();
  }
}
