import { Command } from '@nestjs/cqrs';
import type { GoalRevision, StartKpiTrackingInput } from '../../../domain/kpi-tracker.aggregate.js';

export type ApplyGoalRevisionData = Omit<StartKpiTrackingInput, 'id' | 'goalStatus'> & GoalRevision;

/** Result: what happened to the goal's tracker. */
export type ApplyGoalRevisionOutcome = 'updated' | 'started' | 'ignored';

/** A goal changed in strategy: its tracker takes the new state (or starts, if the goal had none). */
export class ApplyGoalRevisionCommand extends Command<{ outcome: ApplyGoalRevisionOutcome }> {
  constructor(readonly data: ApplyGoalRevisionData) {
    super();
  }
}
