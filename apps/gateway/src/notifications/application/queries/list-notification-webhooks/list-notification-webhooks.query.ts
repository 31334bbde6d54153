import { Query } from '@nestjs/cqrs';
import type { NotificationWebhook } from '../../ports/notification-webhook.port.js';

/** The workspace's webhooks, and the agency-wide ones when the member holds an agency role. */
export class ListNotificationWebhooksQuery extends Query<NotificationWebhook[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly memberId: string,
    /** A scoped API token holds no agency role (ADR 0018). */
    readonly scopedCredential: boolean,
  ) {
    super();
  }
}
