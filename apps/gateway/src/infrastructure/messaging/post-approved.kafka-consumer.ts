import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { postApprovedV1, type EventEnvelope, type PostApprovedV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordAuditEntryCommand } from '../../application/commands/record-audit-entry/record-audit-entry.command.js';

/** PostApproved v1 -> 'post.approved' in the audit log, by the approver, with the step and the role acted in. */
@Injectable()
export class PostApprovedKafkaConsumer implements MessageHandler<PostApprovedV1> {
  readonly contract = postApprovedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<PostApprovedV1>): Promise<void> {
    const { payload } = event;
    await this.commands.execute(
      new RecordAuditEntryCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        actorId: payload.approvedById,
        action: 'post.approved',
        objectType: 'post',
        objectId: payload.postId,
        occurredAt: new Date(event.occurredAt),
        source: event.source,
        eventId: event.eventId,
        details: {
          step: payload.step,
          totalSteps: payload.totalSteps,
          approverRole: payload.approverRole,
          fullyApproved: payload.step === payload.totalSteps,
        },
      }),
    );
  }
}
