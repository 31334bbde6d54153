import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { postPublishedV1, type EventEnvelope, type PostPublishedV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordAuditEntryCommand } from '../../application/commands/record-audit-entry/record-audit-entry.command.js';

/**
 * PostPublished v1 -> 'post.published' in the audit log: the content service published it (no member acted at
 * that moment, so no actor), on which channel, and where it lives on the network.
 */
@Injectable()
export class PostPublishedKafkaConsumer implements MessageHandler<PostPublishedV1> {
  readonly contract = postPublishedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<PostPublishedV1>): Promise<void> {
    const { payload } = event;
    await this.commands.execute(
      new RecordAuditEntryCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        actorId: null,
        action: 'post.published',
        objectType: 'post',
        objectId: payload.postId,
        occurredAt: new Date(event.occurredAt),
        source: event.source,
        eventId: event.eventId,
        details: {
          targetId: payload.targetId,
          channelId: payload.channelId,
          network: payload.network,
          remoteId: payload.remoteId,
          url: payload.url,
          publishedAt: payload.publishedAt,
        },
      }),
    );
  }
}
