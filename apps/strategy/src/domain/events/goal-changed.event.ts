import type { GoalProps } from '../goal.aggregate.js';

export type GoalField =
  | 'title'
  | 'metric'
  | 'baseline'
  | 'target'
  | 'startsAt'
  | 'deadline'
  | 'timeZone'
  | 'scope'
  | 'ownerId'
  | 'status';

/** A goal was edited, paused or resumed; the repository turns it into GoalChanged v1. */
export class GoalChangedEvent {
  constructor(
    readonly goal: GoalProps,
    readonly changedFields: readonly GoalField[],
    readonly changedAt: Date,
  ) {}
}
