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

/** The password was right; the account also asks for a code from the authenticator app. */
export class SecondFactorRequiredError extends Error {
  constructor(readonly wrongCode: boolean) {
    super(
      wrongCode
        ? 'The two-factor code is wrong or was already used: enter the current code from your authenticator app'
        : 'This account uses two-factor sign-in: send totpCode, the 6-digit code from your authenticator app',
    );
    this.name = 'SecondFactorRequiredError';
  }
}

/** Too many failures for this e-mail or address; said the same way whether the account exists or not. */
export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed attempts: try again in ${retryAfterSeconds} s`);
    this.name = 'TooManyAttemptsError';
  }
}

export class InvalidResetTokenError extends Error {
  constructor() {
    super('This password-reset link is unknown, expired or already used: ask for a new one');
    this.name = 'InvalidResetTokenError';
  }
}

export class InvalidTwoFactorCodeError extends Error {
  constructor() {
    super('The code does not match: enter the current 6-digit code from your authenticator app');
    this.name = 'InvalidTwoFactorCodeError';
  }
}

/** Re-authentication for a credential change (two-factor set-up or disable): the password given is wrong. */
export class WrongCurrentPasswordError extends Error {
  constructor() {
    super('The password is wrong: send password, the one you sign in with, to change two-factor sign-in');
    this.name = 'WrongCurrentPasswordError';
  }
}

/** Two-factor sign-in is on: a new secret replaces it only with a current code of the old one. */
export class CurrentTwoFactorCodeRequiredError extends Error {
  constructor() {
    super(
      'Two-factor sign-in is on: send code, the current 6-digit code from your authenticator app, to replace its secret',
    );
    this.name = 'CurrentTwoFactorCodeRequiredError';
  }
}

export class TwoFactorNotStartedError extends Error {
  constructor() {
    super('Start two-factor set-up first (POST /api/auth/two-factor/set-up)');
    this.name = 'TwoFactorNotStartedError';
  }
}

/** A scoped API token may act in workspaces, not manage the account's credentials. */
export class ScopedCredentialError extends Error {
  constructor() {
    super('A scoped API token cannot manage credentials: sign in with your password instead');
    this.name = 'ScopedCredentialError';
  }
}

export class ApiTokenNotFoundError extends Error {
  constructor(id: string) {
    super(`No API token ${id} of yours`);
    this.name = 'ApiTokenNotFoundError';
  }
}

/** Another agency's member, or a member not in this workspace: 404, so ids do not tell what exists elsewhere. */
export class MemberNotFoundError extends Error {
  constructor(id: string) {
    super(`No member ${id} in this workspace`);
    this.name = 'MemberNotFoundError';
  }
}

export class AlreadyMemberError extends Error {
  constructor() {
    super('This person is already a member of the workspace: change their roles instead');
    this.name = 'AlreadyMemberError';
  }
}

export class LastAdminError extends Error {
  constructor() {
    super('A workspace keeps at least one admin: make someone else admin first');
    this.name = 'LastAdminError';
  }
}

/** Two-factor secrets are kept only sealed by the token vault, which the host configures. */
export class TwoFactorVaultMissingError extends Error {
  constructor() {
    super(
      'Two-factor sign-in needs the token vault, which has no master key: set CHORUS_VAULT_MASTER_KEYS ' +
        '(docs/adr/0013-token-vault.md)',
    );
    this.name = 'TwoFactorVaultMissingError';
  }
}
