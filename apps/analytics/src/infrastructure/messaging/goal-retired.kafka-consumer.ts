import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { goalRetiredV1, type EventEnvelope, type GoalRetiredV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RetireKpiTrackingCommand } from '../../application/commands/retire-kpi-tracking/retire-kpi-tracking.command.js';

/** GoalRetired v1 -> the tracker stops counting and keeps why. */
@Injectable()
export class GoalRetiredKafkaConsumer implements MessageHandler<GoalRetiredV1> {
  readonly contract = goalRetiredV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<GoalRetiredV1>): Promise<void> {
    await this.commands.execute(
      new RetireKpiTrackingCommand({
        tenantId: event.tenantId,
        goalId: event.payload.goalId,
        reason: event.payload.reason,
        retiredAt: new Date(event.occurredAt),
      }),
    );
  }
}
