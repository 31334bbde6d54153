import { Query } from '@nestjs/cqrs';
import type { Delivery } from '../../ports/notification-delivery.port.js';

/** The delivery log of one endpoint, newest first; WebhookNotFoundError when the member may not see it. */
export class ListWebhookDeliveriesQuery extends Query<Delivery[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly memberId: string,
    readonly webhookId: string,
    readonly limit: number,
    /** A scoped API token holds no agency role (ADR 0018). */
    readonly scopedCredential: boolean,
  ) {
    super();
  }
}
