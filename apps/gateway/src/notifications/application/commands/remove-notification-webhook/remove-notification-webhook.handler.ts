import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AGENCY_ROLES, AUDIT_LOG, UNIT_OF_WORK } from '../../../../gateway.tokens.js';
import type { AgencyRoles } from '../../../../application/ports/agency-roles.port.js';
import type { AuditLog } from '../../../../application/ports/audit-log.port.js';
import type { UnitOfWork } from '../../../../application/ports/unit-of-work.port.js';
import { NOTIFICATION_WEBHOOKS } from '../../../notifications.tokens.js';
import { WebhookNotFoundError } from '../../../domain/notification.errors.js';
import { webhookScopeFor, type NotificationWebhooks } from '../../ports/notification-webhook.port.js';
import { RemoveNotificationWebhookCommand } from './remove-notification-webhook.command.js';

/** Another workspace's webhook, or an agency-wide one without an agency role: 404, as if absent. */
@CommandHandler(RemoveNotificationWebhookCommand)
export class RemoveNotificationWebhookHandler implements ICommandHandler<RemoveNotificationWebhookCommand> {
  constructor(
    @Inject(NOTIFICATION_WEBHOOKS) private readonly webhooks: NotificationWebhooks,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AGENCY_ROLES) private readonly agencyRoles: AgencyRoles,
  ) {}

  async execute(command: RemoveNotificationWebhookCommand): Promise<void> {
    const scope = await webhookScopeFor(this.agencyRoles, command.tenantId, command.workspaceId, {
      memberId: command.removedBy,
      scopedCredential: command.scopedCredential,
    });
    await this.unitOfWork.run(command.tenantId, async () => {
      if (!(await this.webhooks.remove(command.tenantId, command.webhookId, scope))) {
        throw new WebhookNotFoundError();
      }
      await this.audit.record({
        tenantId: command.tenantId,
        workspaceId: command.workspaceId,
        actorId: command.removedBy,
        action: 'notification-webhook.removed',
        objectType: 'notification-webhook',
        objectId: command.webhookId,
        details: {},
      });
    });
  }
}
