import { Command } from '@nestjs/cqrs';
import type { GoalProps, SetGoalInput } from '../../../domain/goal.aggregate.js';

export type SetGoalData = Omit<SetGoalInput, 'id'>;

export class SetGoalCommand extends Command<GoalProps> {
  constructor(readonly data: SetGoalData) {
    super();
  }
}
