import { Command } from '@nestjs/cqrs';

export interface SignInResult {
  readonly userId: string;
  readonly token: string;
  readonly expiresAt: Date;
}

export class SignInCommand extends Command<SignInResult> {
  constructor(
    readonly email: string,
    readonly password: string,
  ) {
    super();
  }
}
