import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { PUBLIC_URL } from '../../../../gateway.tokens.js';
import {
  DELIVERY_QUEUE,
  NOTIFICATION_STORE,
  NOTIFICATION_WEBHOOKS,
  RECIPIENT_DIRECTORY,
} from '../../../notifications.tokens.js';
import { defaultChannelsOf } from '../../../domain/notification-kind.value-object.js';
import type {
  Notification,
  NotificationRequest,
  OutsideAddress,
} from '../../../domain/notification.entity.js';
import type { DeliveryQueue, NewDelivery } from '../../ports/notification-delivery.port.js';
import type { NotificationStore } from '../../ports/notification-store.port.js';
import type { NotificationWebhooks } from '../../ports/notification-webhook.port.js';
import type { Recipient, RecipientDirectory } from '../../ports/recipient-directory.port.js';
import { RaiseNotificationCommand, type RaisedNotification } from './raise-notification.command.js';

@CommandHandler(RaiseNotificationCommand)
export class RaiseNotificationHandler implements ICommandHandler<RaiseNotificationCommand> {
  constructor(
    @Inject(RECIPIENT_DIRECTORY) private readonly directory: RecipientDirectory,
    @Inject(NOTIFICATION_STORE) private readonly store: NotificationStore,
    @Inject(NOTIFICATION_WEBHOOKS) private readonly webhooks: NotificationWebhooks,
    @Inject(DELIVERY_QUEUE) private readonly queue: DeliveryQueue,
    @Optional() @Inject(PUBLIC_URL) private readonly publicUrl: string | undefined,
  ) {}

  async execute({ request }: RaiseNotificationCommand): Promise<RaisedNotification> {
    const now = new Date();
    const raiseId = uuidv7();
    if (request.recipients.rule === 'addresses') {
      return this.mailOutsiders(raiseId, request, request.recipients.addresses, now);
    }
    const recipients = await this.directory.resolve(
      request.tenantId,
      request.workspaceId,
      request.recipients,
    );
    const stored = await this.store.preferencesOf(
      request.tenantId,
      recipients.map((r) => r.memberId),
    );
    const choiceOf = (memberId: string) =>
      stored.find((p) => p.memberId === memberId && p.kind === request.kind) ??
      defaultChannelsOf(request.kind);

    const inApp: Notification[] = recipients
      .filter((r) => choiceOf(r.memberId).inApp)
      .map((r) => ({
        id: uuidv7(),
        tenantId: request.tenantId,
        workspaceId: request.workspaceId,
        recipientId: r.memberId,
        kind: request.kind,
        title: request.title,
        body: request.body,
        link: request.link,
        object: request.object,
        source: request.source,
        createdAt: now,
        readAt: null,
      }));
    const emails = recipients
      .filter((r) => choiceOf(r.memberId).email)
      .map((r) => this.email(request, r, now));
    const endpoints = await this.webhooks.subscribedTo(request.tenantId, request.kind, request.workspaceId);
    const body = JSON.stringify(this.webhookPayload(raiseId, request, recipients, now));
    const posts: NewDelivery[] = endpoints.map((endpoint) => ({
      id: uuidv7(),
      tenantId: request.tenantId,
      kind: request.kind,
      message: { channel: 'webhook', webhookId: endpoint.id, body },
      createdAt: now,
    }));

    await this.store.add(inApp, request.eventId);
    await this.queue.enqueue([...emails, ...posts]);
    return {
      raiseId,
      notificationIds: inApp.map((n) => n.id),
      emails: emails.length,
      webhooks: posts.length,
    };
  }

  /**
   * People without an account (a client approver) are reached by e-mail only, whatever the preferences: no
   * console row (they have no console) and no webhook, because the link may be theirs alone (a signed approval
   * link): an endpoint of the agency must not receive it (docs/adr/0022).
   */
  private async mailOutsiders(
    raiseId: string,
    request: NotificationRequest,
    addresses: readonly OutsideAddress[],
    now: Date,
  ): Promise<RaisedNotification> {
    const link = this.absolute(request.link);
    const emails: NewDelivery[] = addresses.map((to) => ({
      id: uuidv7(),
      tenantId: request.tenantId,
      kind: request.kind,
      createdAt: now,
      message: {
        channel: 'email',
        to: to.email,
        subject: `[Chorus] ${request.title}`,
        text: [
          `Hello ${to.name},`,
          '',
          request.body,
          ...(link === null ? [] : ['', link]),
          '',
          'You get this e-mail because an agency working with you on Chorus asked for it. The link is yours: do not forward it.',
        ].join('\n'),
      },
    }));
    await this.queue.enqueue(emails);
    return { raiseId, notificationIds: [], emails: emails.length, webhooks: 0 };
  }

  private absolute(link: string | null): string | null {
    return link === null ? null : `${(this.publicUrl ?? '').replace(/\/$/, '')}${link}`;
  }

  private email(request: NotificationRequest, to: Recipient, now: Date): NewDelivery {
    const link = this.absolute(request.link);
    return {
      id: uuidv7(),
      tenantId: request.tenantId,
      kind: request.kind,
      createdAt: now,
      message: {
        channel: 'email',
        to: to.email,
        subject: `[Chorus] ${request.title}`,
        text: [
          `Hello ${to.name},`,
          '',
          request.body,
          ...(link === null ? [] : ['', link]),
          '',
          'You get this e-mail because of your notification preferences in Chorus; change them there.',
        ].join('\n'),
      },
    };
  }

  /** The body receivers verify and parse (docs/notifications.md). */
  private webhookPayload(
    raiseId: string,
    request: NotificationRequest,
    recipients: readonly Recipient[],
    now: Date,
  ) {
    return {
      id: raiseId,
      type: 'notification',
      kind: request.kind,
      agencyId: request.tenantId,
      workspaceId: request.workspaceId,
      title: request.title,
      body: request.body,
      link: this.absolute(request.link),
      object: request.object,
      recipientIds: recipients.map((r) => r.memberId),
      source: request.source,
      eventId: request.eventId,
      createdAt: now.toISOString(),
    };
  }
}
