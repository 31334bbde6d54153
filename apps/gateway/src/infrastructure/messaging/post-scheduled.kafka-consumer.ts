import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { postScheduledV2, type EventEnvelope, type PostScheduledV2 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordAuditEntryCommand } from '../../application/commands/record-audit-entry/record-audit-entry.command.js';

/**
 * PostScheduled v2 -> 'post.scheduled' in the audit log, by the member who scheduled it: one entry per target
 * and revision (the event), naming the channel and the time. The text is not copied: the post keeps it.
 */
@Injectable()
export class PostScheduledKafkaConsumer implements MessageHandler<PostScheduledV2> {
  readonly contract = postScheduledV2;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<PostScheduledV2>): Promise<void> {
    const { payload } = event;
    await this.commands.execute(
      new RecordAuditEntryCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        actorId: payload.scheduledById,
        action: 'post.scheduled',
        objectType: 'post',
        objectId: payload.postId,
        occurredAt: new Date(event.occurredAt),
        source: event.source,
        eventId: event.eventId,
        details: {
          targetId: payload.targetId,
          channelId: payload.channelId,
          network: payload.network,
          scheduledFor: payload.scheduledFor,
          timeZone: payload.timeZone,
          revision: payload.revision,
        },
      }),
    );
  }
}
