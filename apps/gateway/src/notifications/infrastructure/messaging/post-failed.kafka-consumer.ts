import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { postFailedV1, type EventEnvelope, type PostFailedV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RaiseNotificationCommand } from '../../application/commands/raise-notification/raise-notification.command.js';
import { RESPONSIBLE_FOR_PUBLISHING } from '../../domain/responsibility.value-object.js';

/** PostFailed v1 -> 'post-failed' to the people responsible for publishing in the workspace, once per event. */
@Injectable()
export class PostFailedKafkaConsumer implements MessageHandler<PostFailedV1> {
  readonly contract = postFailedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<PostFailedV1>): Promise<void> {
    const { payload } = event;
    await this.commands.execute(
      new RaiseNotificationCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        kind: 'post-failed',
        title: `A post failed on ${payload.network}`,
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
