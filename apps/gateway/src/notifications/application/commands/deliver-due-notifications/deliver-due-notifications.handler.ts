import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MAIL_SENDER } from '../../../../gateway.tokens.js';
import type { MailSender } from '../../../../application/ports/mail-sender.port.js';
import {
  DELIVERY_QUEUE,
  NOTIFICATION_SETTINGS,
  NOTIFICATION_WEBHOOKS,
  WEBHOOK_TRANSPORT,
  type NotificationSettings,
} from '../../../notifications.tokens.js';
import { DEFAULT_RETRY_DELAYS_MS, nextRetryDelay } from '../../../domain/retry-schedule.value-object.js';
import { SIGNATURE_HEADER, signWebhook } from '../../../domain/webhook-signature.value-object.js';
import type { Delivery, DeliveryAttempt, DeliveryQueue } from '../../ports/notification-delivery.port.js';
import type { NotificationWebhooks, WebhookTransport } from '../../ports/notification-webhook.port.js';
import { DeliverDueNotificationsCommand } from './deliver-due-notifications.command.js';

/** Longer than one webhook call can take, so that no other instance picks a delivery up while it runs. */
const LEASE_MS = 60_000;

interface Outcome {
  readonly ok: boolean;
  readonly status: number | null;
  readonly error: string | null;
  /** A failure no retry can fix (the endpoint was removed). */
  readonly final?: boolean;
}

@CommandHandler(DeliverDueNotificationsCommand)
export class DeliverDueNotificationsHandler implements ICommandHandler<DeliverDueNotificationsCommand> {
  constructor(
    @Inject(DELIVERY_QUEUE) private readonly queue: DeliveryQueue,
    @Inject(NOTIFICATION_WEBHOOKS) private readonly webhooks: NotificationWebhooks,
    @Inject(WEBHOOK_TRANSPORT) private readonly transport: WebhookTransport,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
    @Optional() @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings | undefined,
  ) {}

  async execute(command: DeliverDueNotificationsCommand): Promise<number> {
    const due = await this.queue.claimDue(command.limit, new Date(), LEASE_MS);
    await Promise.all(due.map((delivery) => this.attempt(delivery)));
    return due.length;
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const started = Date.now();
    const outcome = await this.send(delivery).catch((error: unknown): Outcome => ({
      ok: false,
      status: null,
      error: error instanceof Error ? error.message : String(error),
    }));
    const attempt: DeliveryAttempt = {
      attempt: delivery.attempts + 1,
      at: new Date(started).toISOString(),
      ok: outcome.ok,
      status: outcome.status,
      error: outcome.error,
      durationMs: Date.now() - started,
    };
    const delay =
      outcome.ok || outcome.final === true
        ? null
        : nextRetryDelay(attempt.attempt, this.settings?.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
    await this.queue.record(delivery, attempt, delay === null ? null : new Date(Date.now() + delay));
  }

  private async send(delivery: Delivery): Promise<Outcome> {
    const message = delivery.message;
    if (message.channel === 'email') {
      await this.mail.send({
        tenantId: delivery.tenantId,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      return { ok: true, status: null, error: null };
    }
    const webhook = await this.webhooks.withSecret(delivery.tenantId, message.webhookId);
    if (webhook === null) {
      return { ok: false, status: null, error: 'the webhook was removed', final: true };
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const result = await this.transport.post(
      webhook.url,
      message.body,
      {
        'content-type': 'application/json',
        'user-agent': 'Chorus-Webhooks/1',
        [SIGNATURE_HEADER]: signWebhook(webhook.secret, timestamp, message.body),
        'x-chorus-delivery': delivery.id,
        'x-chorus-kind': delivery.kind,
      },
      this.settings?.webhookTimeoutMs ?? 10_000,
    );
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    return {
      ok,
      status: result.status,
      error: ok ? null : (result.error ?? `the receiver answered ${result.status}`),
    };
  }
}
