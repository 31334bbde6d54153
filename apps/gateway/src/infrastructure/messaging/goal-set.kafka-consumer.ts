import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { goalSetV1, type EventEnvelope, type GoalSetV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordAuditEntryCommand } from '../../application/commands/record-audit-entry/record-audit-entry.command.js';

/**
 * GoalSet v1 -> 'goal.set' in the audit log. Other services report what people did through their integration
 * events; the gateway reads the ones worth auditing (one consumer per event: approvals and publishing join the
 * same way). The event id makes the entry idempotent.
 */
@Injectable()
export class GoalSetKafkaConsumer implements MessageHandler<GoalSetV1> {
  readonly contract = goalSetV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<GoalSetV1>): Promise<void> {
    await this.commands.execute(
      new RecordAuditEntryCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        actorId: event.payload.ownerId,
        action: 'goal.set',
        objectType: 'goal',
        objectId: event.payload.goalId,
        occurredAt: new Date(event.occurredAt),
        source: event.source,
        eventId: event.eventId,
        details: {
          title: event.payload.title,
          metric: event.payload.metric,
          revision: event.payload.revision,
        },
      }),
    );
  }
}
