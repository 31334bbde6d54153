import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { postNeedsReviewV1, type EventEnvelope, type PostNeedsReviewV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RaiseNotificationCommand } from '../../application/commands/raise-notification/raise-notification.command.js';
import { RESPONSIBLE_FOR_PUBLISHING } from '../../domain/responsibility.value-object.js';

/** PostNeedsReview v1 -> 'post-needs-review' to the people responsible for publishing, once per event. */
@Injectable()
export class PostNeedsReviewKafkaConsumer implements MessageHandler<PostNeedsReviewV1> {
  readonly contract = postNeedsReviewV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<PostNeedsReviewV1>): Promise<void> {
    const { payload } = event;
    await this.commands.execute(
      new RaiseNotificationCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        kind: 'post-needs-review',
        title: `Check whether a post went out on ${payload.network}`,
        body: `${payload.reason.message}\n${payload.reason.action}`,
        link: `/content/posts/${payload.postId}`,
        object: { type: 'post', id: payload.postId },
        recipients: RESPONSIBLE_FOR_PUBLISHING,
        source: event.source,
        eventId: event.eventId,
      }),
    );
  }
}
