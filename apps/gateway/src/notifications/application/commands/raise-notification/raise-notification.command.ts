import { Command } from '@nestjs/cqrs';
import type { NotificationRequest } from '../../../domain/notification.entity.js';

export interface RaisedNotification {
  /** One id for this raise: the webhook payload's `id`, so a receiver can drop a repeated delivery. */
  readonly raiseId: string;
  /** The in-app notifications, one per recipient who keeps this kind in the console. */
  readonly notificationIds: readonly string[];
  readonly emails: number;
  readonly webhooks: number;
}

/**
 * Tell the people a request names, on the channels each chose for its kind: in-app rows, e-mail and webhook
 * deliveries, all in one transaction (a consumer's, with its processed-message mark).
 */
export class RaiseNotificationCommand extends Command<RaisedNotification> {
  constructor(readonly request: NotificationRequest) {
    super();
  }
}
