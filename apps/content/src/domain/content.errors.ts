/** One broken rule, on the field to fix (a dotted path such as `targets.0.text`). */
export interface ContentProblem {
  readonly field: string;
  readonly problem: string;
}

/** Input that breaks a rule of the content domain; nothing was changed. Answered as a 400 naming each field. */
export class InvalidContentInputError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.problem}`).join('; '));
    this.name = 'InvalidContentInputError';
  }

  static of(field: string, problem: string): InvalidContentInputError {
    return new InvalidContentInputError([{ field, problem }]);
  }
}

/** Something the request names does not exist in this workspace (or this agency). */
export class ContentNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentNotFoundError';
  }
}

/** The request is valid but the current state forbids it (e.g. an edit based on an old revision). */
export class ContentConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentConflictError';
  }
}
