import type { GoalProps, GoalRetirement } from '../goal.aggregate.js';

/** A goal stopped counting; the repository turns it into GoalRetired v1. */
export class GoalRetiredEvent {
  constructor(
    readonly goal: GoalProps,
    readonly retirement: GoalRetirement,
  ) {}
}
