import { Command } from '@nestjs/cqrs';

/** Sets a new password with the token from the reset e-mail; signs the member out everywhere. */
export class CompletePasswordResetCommand extends Command<void> {
  constructor(
    readonly token: string,
    readonly password: string,
  ) {
    super();
  }
}
