import { Command } from '@nestjs/cqrs';

/** Mails a reset link when the e-mail has an account; answers the same either way. */
export class RequestPasswordResetCommand extends Command<void> {
  constructor(readonly email: string) {
    super();
  }
}
