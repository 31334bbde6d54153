import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { notificationRequestedV1, type EventEnvelope, type NotificationRequestedV1 } from '@chorus/contracts';
import type { MessageHandler } from '@chorus/messaging';
import { RaiseNotificationCommand } from '../../application/commands/raise-notification/raise-notification.command.js';

/** NotificationRequested v1, from any service: raised as asked, to the members or roles it names. */
@Injectable()
export class NotificationRequestedKafkaConsumer implements MessageHandler<NotificationRequestedV1> {
  readonly contract = notificationRequestedV1;

  constructor(private readonly commands: CommandBus) {}

  async handle(event: EventEnvelope<NotificationRequestedV1>): Promise<void> {
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
