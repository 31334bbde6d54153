import { Command } from '@nestjs/cqrs';

export interface SignInResult {
  readonly userId: string;
  readonly token: string;
  readonly expiresAt: Date;
}

/** `session`: a browser's sign-in (cookie, 12 h); `sign-in`: an API client's bearer token (30 days). */
export type SignInKind = 'sign-in' | 'session';

export class SignInCommand extends Command<SignInResult> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly options: {
      readonly kind?: SignInKind;
      readonly totpCode?: string | undefined;
      /** The caller's address, for the per-address throttle. */
      readonly ip?: string;
    } = {},
  ) {
    super();
  }
}
