/** A goal that breaks a rule of the domain; `field` names the input to fix. */
export class InvalidGoalError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'InvalidGoalError';
  }
}

export class GoalNotFoundError extends Error {
  constructor(readonly goalId: string) {
    super(`No goal ${goalId} in this workspace`);
    this.name = 'GoalNotFoundError';
  }
}
