import {
  InvalidStrategyInputError,
  StrategyConflictError,
  StrategyNotFoundError,
} from './strategy.errors.js';

/** A goal that breaks a rule of the domain; `field` names the input to fix. */
export class InvalidGoalError extends InvalidStrategyInputError {
  constructor(field: string, problem: string) {
    super(field, problem);
    this.name = 'InvalidGoalError';
  }
}

export class GoalNotFoundError extends StrategyNotFoundError {
  constructor(readonly goalId: string) {
    super(`No goal ${goalId} in this workspace`);
    this.name = 'GoalNotFoundError';
  }
}

export class GoalRetiredError extends StrategyConflictError {
  constructor(readonly goalId: string) {
    super(`Goal ${goalId} is retired; set a new goal instead of changing it`);
    this.name = 'GoalRetiredError';
  }
}
