import { randomBytes } from 'node:crypto';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { AUDIT_LOG, UNIT_OF_WORK } from '../../../../gateway.tokens.js';
import type { AuditLog } from '../../../../application/ports/audit-log.port.js';
import type { UnitOfWork } from '../../../../application/ports/unit-of-work.port.js';
import {
  NOTIFICATION_SETTINGS,
  NOTIFICATION_WEBHOOKS,
  type NotificationSettings,
} from '../../../notifications.tokens.js';
import { parseWebhookUrl } from '../../../domain/webhook-url.value-object.js';
import type {
  NotificationWebhooks,
  NotificationWebhookWithSecret,
} from '../../ports/notification-webhook.port.js';
import { CreateNotificationWebhookCommand } from './create-notification-webhook.command.js';

@CommandHandler(CreateNotificationWebhookCommand)
export class CreateNotificationWebhookHandler implements ICommandHandler<CreateNotificationWebhookCommand> {
  constructor(
    @Inject(NOTIFICATION_WEBHOOKS) private readonly webhooks: NotificationWebhooks,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Optional() @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings | undefined,
  ) {}

  async execute(command: CreateNotificationWebhookCommand): Promise<NotificationWebhookWithSecret> {
    const url = parseWebhookUrl(command.url, {
      allowLoopbackHttp: this.settings?.allowLoopbackHttpWebhooks ?? false,
    });
    const webhook: NotificationWebhookWithSecret = {
      id: uuidv7(),
      tenantId: command.tenantId,
      url: url.toString(),
      kinds: [...new Set(command.kinds)],
      description: command.description,
      createdAt: new Date(),
      createdBy: command.createdBy,
      secret: `whsec_${randomBytes(32).toString('base64url')}`,
    };
    await this.unitOfWork.run(command.tenantId, async () => {
      await this.webhooks.add(webhook);
      await this.audit.record({
        tenantId: command.tenantId,
        workspaceId: null,
        actorId: command.createdBy,
        action: 'notification-webhook.added',
        objectType: 'notification-webhook',
        objectId: webhook.id,
        details: { url: webhook.url, kinds: webhook.kinds },
      });
    });
    return webhook;
  }
}
