/** The caller may not decide this step: they lack the role it names (or are not among its members). 403. */
export class ApprovalForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApprovalForbiddenError';
  }
}

export type ApprovalLinkFailure = 'invalid' | 'expired' | 'used' | 'superseded';

/**
 * An approval link that cannot be used: forged or damaged (403), past its expiry or already used (410), or for
 * a step or version of the post that is no longer the one awaiting a decision (410). The message says what to do.
 */
export class ApprovalLinkRefusedError extends Error {
  constructor(
    readonly reason: ApprovalLinkFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ApprovalLinkRefusedError';
  }
}
