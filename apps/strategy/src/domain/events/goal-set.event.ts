import type { GoalProps } from '../goal.aggregate.js';

/** A goal was set; the repository turns it into the GoalSet v1 integration event. */
export class GoalSetEvent {
  constructor(readonly goal: GoalProps) {}
}
