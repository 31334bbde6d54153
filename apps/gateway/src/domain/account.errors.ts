export class EmailAlreadyRegisteredError extends Error {
  constructor() {
    super('This e-mail address already has an account: sign in instead');
    this.name = 'EmailAlreadyRegisteredError';
  }
}

/** Deliberately vague: it must not tell whether the e-mail exists. */
export class InvalidCredentialsError extends Error {
  constructor() {
    super('Wrong e-mail or password');
    this.name = 'InvalidCredentialsError';
  }
}
