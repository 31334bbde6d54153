import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NOTIFICATION_WEBHOOKS } from '../../../notifications.tokens.js';
import type { NotificationWebhooks } from '../../ports/notification-webhook.port.js';
import { SealWebhookSecretsCommand } from './seal-webhook-secrets.command.js';

@CommandHandler(SealWebhookSecretsCommand)
export class SealWebhookSecretsHandler implements ICommandHandler<SealWebhookSecretsCommand> {
  constructor(@Inject(NOTIFICATION_WEBHOOKS) private readonly webhooks: NotificationWebhooks) {}

  execute(command: SealWebhookSecretsCommand): Promise<number> {
    return this.webhooks.sealSecrets(command.batchSize);
  }
}
