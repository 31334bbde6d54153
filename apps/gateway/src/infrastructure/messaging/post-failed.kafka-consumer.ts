import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { postFailedV1, type EventEnvelope, type PostFailedV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordAuditEntryCommand } from '../../application/commands/record-audit-entry/record-audit-entry.command.js';

/** PostFailed v1 -> 'post.publishing-failed' in the audit log, by the content service, with the reason. */
@Injectable()
export class PostFailedAuditKafkaConsumer implements MessageHandler<PostFailedV1> {
  readonly contract = postFailedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<PostFailedV1>): Promise<void> {
    const { payload } = event;
    await this.commands.execute(
      new RecordAuditEntryCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        actorId: null,
        action: 'post.publishing-failed',
        objectType: 'post',
        objectId: payload.postId,
        occurredAt: new Date(event.occurredAt),
        source: event.source,
        eventId: event.eventId,
        details: {
          targetId: payload.targetId,
          channelId: payload.channelId,
          network: payload.network,
          attempts: payload.attempts,
          reasonCode: payload.reason.code,
          reason: payload.reason.message,
        },
      }),
    );
  }
}
