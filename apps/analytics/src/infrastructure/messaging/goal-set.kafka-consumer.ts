import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { goalSetV1, type EventEnvelope, type GoalSetV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { StartKpiTrackingCommand } from '../../application/commands/start-kpi-tracking/start-kpi-tracking.command.js';
import { trackedGoalOf } from './goal-state.mapper.js';

/**
 * GoalSet v1 -> start tracking the goal's KPI. The bus dedupes by event id and runs this in the transaction
 * that records the event as processed; the kit makes that transaction the repositories' ambient one.
 */
@Injectable()
export class GoalSetKafkaConsumer implements MessageHandler<GoalSetV1> {
  readonly contract = goalSetV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<GoalSetV1>): Promise<void> {
    const goal = trackedGoalOf(event);
    if (goal !== null) {
      await this.commands.execute(new StartKpiTrackingCommand(goal));
    }
  }
}
