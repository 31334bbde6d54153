import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { goalChangedV1, type EventEnvelope, type GoalChangedV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { ApplyGoalRevisionCommand } from '../../application/commands/apply-goal-revision/apply-goal-revision.command.js';
import { trackedGoalOf } from './goal-state.mapper.js';

/** GoalChanged v1 -> the tracker takes the goal's new state; an older revision than the one held is dropped. */
@Injectable()
export class GoalChangedKafkaConsumer implements MessageHandler<GoalChangedV1> {
  readonly contract = goalChangedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<GoalChangedV1>): Promise<void> {
    const goal = trackedGoalOf(event);
    if (goal !== null) {
      await this.commands.execute(new ApplyGoalRevisionCommand(goal));
    }
  }
}
