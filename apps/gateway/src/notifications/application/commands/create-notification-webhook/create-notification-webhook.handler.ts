import { randomBytes } from 'node:crypto';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { AGENCY_ROLES, AUDIT_LOG, OUTBOUND_TARGETS, UNIT_OF_WORK } from '../../../../gateway.tokens.js';
import type { AgencyRoles } from '../../../../application/ports/agency-roles.port.js';
import type { AuditLog } from '../../../../application/ports/audit-log.port.js';
import type { UnitOfWork } from '../../../../application/ports/unit-of-work.port.js';
import type { OutboundTargets } from '../../../../application/ports/outbound-targets.port.js';
import { PrivateNetworkTargetError } from '../../../../domain/network-target.errors.js';
import {
  NOTIFICATION_SETTINGS,
  NOTIFICATION_WEBHOOKS,
  type NotificationSettings,
} from '../../../notifications.tokens.js';
import { AgencyWebhookForbiddenError, InvalidWebhookUrlError } from '../../../domain/notification.errors.js';
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
    @Inject(AGENCY_ROLES) private readonly agencyRoles: AgencyRoles,
    @Optional() @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings | undefined,
    @Inject(OUTBOUND_TARGETS) private readonly outbound: OutboundTargets,
  ) {}

  async execute(command: CreateNotificationWebhookCommand): Promise<NotificationWebhookWithSecret> {
    if (
      command.scope === 'agency' &&
      (await this.agencyRoles.roleOf(command.tenantId, {
        memberId: command.createdBy,
        scopedCredential: command.scopedCredential,
      })) === null
    ) {
      throw new AgencyWebhookForbiddenError();
    }
    const url = parseWebhookUrl(command.url, {
      allowLoopbackHttp: this.settings?.allowLoopbackHttpWebhooks ?? false,
    });
    // The delivery re-checks the address it connects to (DNS rebinding); this gives a clear 400 now.
    await this.outbound.assertPublic(url).catch((error: unknown) => {
      throw error instanceof PrivateNetworkTargetError
        ? new InvalidWebhookUrlError(
            'must point at a public address, not a loopback, private or link-local one',
          )
        : error;
    });
    const workspaceId = command.scope === 'agency' ? null : command.workspaceId;
    const webhook: NotificationWebhookWithSecret = {
      id: uuidv7(),
      tenantId: command.tenantId,
      workspaceId,
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
        workspaceId,
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
