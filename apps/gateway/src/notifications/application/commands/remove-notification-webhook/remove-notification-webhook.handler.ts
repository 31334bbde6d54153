import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, UNIT_OF_WORK } from '../../../../gateway.tokens.js';
import type { AuditLog } from '../../../../application/ports/audit-log.port.js';
import type { UnitOfWork } from '../../../../application/ports/unit-of-work.port.js';
import { NOTIFICATION_WEBHOOKS } from '../../../notifications.tokens.js';
import { WebhookNotFoundError } from '../../../domain/notification.errors.js';
import type { NotificationWebhooks } from '../../ports/notification-webhook.port.js';
import { RemoveNotificationWebhookCommand } from './remove-notification-webhook.command.js';

@CommandHandler(RemoveNotificationWebhookCommand)
export class RemoveNotificationWebhookHandler implements ICommandHandler<RemoveNotificationWebhookCommand> {
  constructor(
    @Inject(NOTIFICATION_WEBHOOKS) private readonly webhooks: NotificationWebhooks,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: RemoveNotificationWebhookCommand): Promise<void> {
    await this.unitOfWork.run(command.tenantId, async () => {
      if (!(await this.webhooks.remove(command.tenantId, command.webhookId))) {
        throw new WebhookNotFoundError();
      }
      await this.audit.record({
        tenantId: command.tenantId,
        workspaceId: null,
        actorId: command.removedBy,
        action: 'notification-webhook.removed',
        objectType: 'notification-webhook',
        objectId: command.webhookId,
        details: {},
      });
    });
  }
}
