import { Command } from '@nestjs/cqrs';

/** Revokes the API token the request was made with. */
export class SignOutCommand extends Command<void> {
  constructor(readonly token: string) {
    super();
  }
}
