import { Query } from '@nestjs/cqrs';
import type { Delivery } from '../../ports/notification-delivery.port.js';

/** The delivery log of one endpoint, newest first; WebhookNotFoundError when it is not the agency's. */
export class ListWebhookDeliveriesQuery extends Query<Delivery[]> {
  constructor(
    readonly tenantId: string,
    readonly webhookId: string,
    readonly limit: number,
  ) {
    super();
  }
}
