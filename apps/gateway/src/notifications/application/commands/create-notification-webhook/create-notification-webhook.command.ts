import { Command } from '@nestjs/cqrs';
import type { NotificationWebhookWithSecret } from '../../ports/notification-webhook.port.js';

/** Adds an agency webhook endpoint with a fresh signing secret, returned once. */
export class CreateNotificationWebhookCommand extends Command<NotificationWebhookWithSecret> {
  constructor(
    readonly tenantId: string,
    readonly createdBy: string,
    readonly url: string,
    readonly kinds: readonly string[],
    readonly description: string | null,
  ) {
    super();
  }
}
