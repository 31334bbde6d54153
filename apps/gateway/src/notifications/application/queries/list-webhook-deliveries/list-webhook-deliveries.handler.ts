import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AgencyRoles } from '../../../../application/ports/agency-roles.port.js';
import { AGENCY_ROLES } from '../../../../gateway.tokens.js';
import { DELIVERY_QUEUE, NOTIFICATION_WEBHOOKS } from '../../../notifications.tokens.js';
import { WebhookNotFoundError } from '../../../domain/notification.errors.js';
import type { Delivery, DeliveryQueue } from '../../ports/notification-delivery.port.js';
import { webhookScopeFor, type NotificationWebhooks } from '../../ports/notification-webhook.port.js';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query.js';

@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery> {
  constructor(
    @Inject(NOTIFICATION_WEBHOOKS) private readonly webhooks: NotificationWebhooks,
    @Inject(DELIVERY_QUEUE) private readonly queue: DeliveryQueue,
    @Inject(AGENCY_ROLES) private readonly agencyRoles: AgencyRoles,
  ) {}

  async execute(query: ListWebhookDeliveriesQuery): Promise<Delivery[]> {
    const scope = await webhookScopeFor(this.agencyRoles, query.tenantId, query.workspaceId, {
      memberId: query.memberId,
      scopedCredential: query.scopedCredential,
    });
    if (!(await this.webhooks.exists(query.tenantId, query.webhookId, scope))) {
      throw new WebhookNotFoundError();
    }
    return this.queue.listForWebhook(query.tenantId, query.webhookId, query.limit);
  }
}
