import { Command } from '@nestjs/cqrs';

/**
 * Founds an agency with its first workspace and admin, or, when the e-mail already has an account, mails its
 * owner instead. The caller learns neither (ADR 0017): it signs in next, as anyone who knows the password can.
 */
export class SignUpCommand extends Command<void> {
  constructor(
    readonly data: {
      readonly agencyName: string;
      readonly workspaceName: string;
      readonly name: string;
      readonly email: string;
      readonly password: string;
    },
    /** The client's address, for the per-address limit (sign-in's throttle). */
    readonly ip: string,
  ) {
    super();
  }
}
