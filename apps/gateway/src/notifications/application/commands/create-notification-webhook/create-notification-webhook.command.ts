import { Command } from '@nestjs/cqrs';
import type { NotificationWebhookWithSecret } from '../../ports/notification-webhook.port.js';

/**
 * Adds a webhook endpoint with a fresh signing secret, returned once: for the workspace the member acts in, or
 * agency-wide (`scope: 'agency'`, which needs an agency role, ADR 0018).
 */
export class CreateNotificationWebhookCommand extends Command<NotificationWebhookWithSecret> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly scope: 'workspace' | 'agency',
    readonly createdBy: string,
    readonly url: string,
    readonly kinds: readonly string[],
    readonly description: string | null,
    /** A scoped API token holds no agency role (ADR 0018). */
    readonly scopedCredential: boolean,
  ) {
    super();
  }
}
