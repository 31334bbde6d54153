import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { notificationRequestedV2, type EventEnvelope, type NotificationRequestedV2 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RaiseNotificationCommand } from '../../application/commands/raise-notification/raise-notification.command.js';

/**
 * NotificationRequested v2: v1 plus outside addresses (a client approver), whom the notification centre mails
 * and tells nothing else. Members and roles are raised as v1 raises them.
 */
@Injectable()
export class NotificationRequestedV2KafkaConsumer implements MessageHandler<NotificationRequestedV2> {
  readonly contract = notificationRequestedV2;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<NotificationRequestedV2>): Promise<void> {
    const { payload } = event;
    await this.commands.execute(
      new RaiseNotificationCommand({
        tenantId: event.tenantId,
        workspaceId: event.workspaceId,
        kind: payload.kind,
        title: payload.title,
        body: payload.body,
        link: payload.link,
        object: payload.object,
        recipients: payload.recipients,
        source: payload.requestedBy,
        eventId: event.eventId,
      }),
    );
  }
}
