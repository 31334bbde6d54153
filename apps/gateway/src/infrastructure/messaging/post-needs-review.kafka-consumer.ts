import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { postNeedsReviewV1, type EventEnvelope, type PostNeedsReviewV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RecordAuditEntryCommand } from '../../application/commands/record-audit-entry/record-audit-entry.command.js';

/**
 * PostNeedsReview v1 -> 'post.held-for-review' in the audit log: the content service could not tell whether the
 * post went out and holds it for a person, with what is uncertain.
 */
@Injectable()
export class PostNeedsReviewAuditKafkaConsumer implements MessageHandler<PostNeedsReviewV1> {
  readonly contract = postNeedsReviewV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<PostNeedsReviewV1>): Promise<void> {
    const { payload } = event;
    await this.commands.execute(
      new RecordAuditEntryCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        actorId: null,
        action: 'post.held-for-review',
        objectType: 'post',
        objectId: payload.postId,
        occurredAt: new Date(event.occurredAt),
        source: event.source,
        eventId: event.eventId,
        details: {
          targetId: payload.targetId,
          channelId: payload.channelId,
          network: payload.network,
          attemptedAt: payload.attemptedAt,
          reasonCode: payload.reason.code,
          reason: payload.reason.message,
        },
      }),
    );
  }
}
