import { Command } from '@nestjs/cqrs';

/** Stops posting to an endpoint; its pending deliveries fail at their next attempt. */
export class RemoveNotificationWebhookCommand extends Command<void> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly webhookId: string,
    readonly removedBy: string,
    /** A scoped API token holds no agency role (ADR 0018). */
    readonly scopedCredential: boolean,
  ) {
    super();
  }
}
