import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AgencyRoles } from '../../../../application/ports/agency-roles.port.js';
import { AGENCY_ROLES } from '../../../../gateway.tokens.js';
import { NOTIFICATION_WEBHOOKS } from '../../../notifications.tokens.js';
import {
  webhookScopeFor,
  type NotificationWebhook,
  type NotificationWebhooks,
} from '../../ports/notification-webhook.port.js';
import { ListNotificationWebhooksQuery } from './list-notification-webhooks.query.js';

@QueryHandler(ListNotificationWebhooksQuery)
export class ListNotificationWebhooksHandler implements IQueryHandler<ListNotificationWebhooksQuery> {
  constructor(
    @Inject(NOTIFICATION_WEBHOOKS) private readonly webhooks: NotificationWebhooks,
    @Inject(AGENCY_ROLES) private readonly agencyRoles: AgencyRoles,
  ) {}

  async execute(query: ListNotificationWebhooksQuery): Promise<NotificationWebhook[]> {
    const scope = await webhookScopeFor(this.agencyRoles, query.tenantId, query.workspaceId, {
      memberId: query.memberId,
      scopedCredential: query.scopedCredential,
    });
    return this.webhooks.list(query.tenantId, scope);
  }
}
