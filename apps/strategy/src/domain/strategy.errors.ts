/** Input that breaks a rule of the strategy domain; `field` names what to fix (a dotted path, e.g. `pillars`). */
export class InvalidStrategyInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'InvalidStrategyInputError';
  }
}

/** Something the request names does not exist in this workspace (or this agency). */
export class StrategyNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrategyNotFoundError';
  }
}

/** The request is valid but the current state forbids it (e.g. changing a retired goal). */
export class StrategyConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrategyConflictError';
  }
}
