import { Command } from '@nestjs/cqrs';

export interface SignUpResult {
  readonly agencyId: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly token: string;
  readonly expiresAt: Date;
}

export class SignUpCommand extends Command<SignUpResult> {
  constructor(
    readonly data: {
      readonly agencyName: string;
      readonly workspaceName: string;
      readonly name: string;
      readonly email: string;
      readonly password: string;
    },
  ) {
    super();
  }
}
