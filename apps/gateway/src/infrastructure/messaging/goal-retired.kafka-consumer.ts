import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { goalRetiredV1, type EventEnvelope, type GoalRetiredV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordAuditEntryCommand } from '../../application/commands/record-audit-entry/record-audit-entry.command.js';

/** GoalRetired v1 -> 'goal.retired' in the audit log, by whoever retired it. */
@Injectable()
export class GoalRetiredKafkaConsumer implements MessageHandler<GoalRetiredV1> {
  readonly contract = goalRetiredV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<GoalRetiredV1>): Promise<void> {
    await this.commands.execute(
      new RecordAuditEntryCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        actorId: event.payload.retiredById,
        action: 'goal.retired',
        objectType: 'goal',
        objectId: event.payload.goalId,
        occurredAt: new Date(event.occurredAt),
        source: event.source,
        eventId: event.eventId,
        details: { reason: event.payload.reason },
      }),
    );
  }
}
