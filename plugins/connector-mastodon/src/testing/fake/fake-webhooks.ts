import { createHmac, randomBytes } from 'node:crypto';

/** The events an admin may pick on Administration > Webhooks (Mastodon 4.x). */
export const WEBHOOK_EVENTS = [
  'account.approved',
  'account.created',
  'account.updated',
  'report.created',
  'report.updated',
  'status.created',
  'status.updated',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookRecord {
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly secret: string;
  enabled: boolean;
}

export type DeliveryState = 'delivered' | 'retrying' | 'discarded' | 'exhausted';

export interface WebhookDelivery {
  readonly id: number;
  readonly webhookId: string;
  readonly event: WebhookEvent;
  /** The exact bytes posted, signed as they are. */
  readonly body: string;
  readonly signature: string;
  /** HTTP status of each attempt; 0 when the connection failed. */
  readonly attempts: number[];
  state: DeliveryState;
}

// Webhooks::DeliveryWorker runs on Sidekiq with `retry: 16, dead: false`: the first attempt plus 16 retries,
// then the job is dropped silently.
const MAX_ATTEMPTS = 17;

/**
 * Instance-admin webhooks as Mastodon delivers them: a JSON body `{"event","created_at","object"}` rendered the
 * way Rails does (`<`, `>` and `&` escaped as \u003c, \u003e, \u0026), signed with
 * `X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>`, posted after the change is committed. A 2xx or an
 * unsalvageable answer (4xx other than 401, 408, 429) ends the job; anything else waits in the retry set.
 */
export class FakeWebhooks {
  readonly webhooks: WebhookRecord[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly now: () => number,
    private readonly userAgent: () => string,
  ) {}

  register(input: { url: string; events: readonly WebhookEvent[]; secret?: string }): WebhookRecord {
    const record: WebhookRecord = {
      id: String(this.webhooks.length + 1),
      url: input.url,
      events: [...input.events],
      // Mastodon generates the secret (SecureRandom.hex(20)) unless the admin types one.
      secret: input.secret ?? randomBytes(20).toString('hex'),
      enabled: true,
    };
    this.webhooks.push(record);
    return record;
  }

  trigger(event: WebhookEvent, object: Record<string, unknown>): void {
    for (const webhook of this.webhooks) {
      if (!webhook.enabled || !webhook.events.includes(event)) {
        continue;
      }
      const body = railsJson({
        event,
        created_at: new Date(this.now()).toISOString().replace(/\.\d{3}Z$/u, 'Z'),
        object,
      });
      const delivery: WebhookDelivery = {
        id: this.deliveries.length + 1,
        webhookId: webhook.id,
        event,
        body,
        signature: `sha256=${createHmac('sha256', webhook.secret).update(body).digest('hex')}`,
        attempts: [],
        state: 'retrying',
      };
      this.deliveries.push(delivery);
      this.track(this.attempt(webhook, delivery));
    }
  }

  /** Runs the retries Sidekiq would run next (the fake's clock is virtual, so the test decides when). */
  async retry(): Promise<void> {
    for (const delivery of this.deliveries.filter((d) => d.state === 'retrying')) {
      const webhook = this.webhooks.find((w) => w.id === delivery.webhookId)!;
      this.track(this.attempt(webhook, delivery));
    }
    await this.settled();
  }

  /** Posts a delivery once more, byte for byte: what a receiver sees when Mastodon retries after a lost answer. */
  async redeliver(deliveryId: number): Promise<number> {
    const delivery = this.deliveries.find((d) => d.id === deliveryId);
    if (!delivery) {
      throw new Error(`no webhook delivery ${deliveryId}`);
    }
    const webhook = this.webhooks.find((w) => w.id === delivery.webhookId)!;
    return this.post(webhook.url, delivery.body, delivery.signature);
  }

  /** Resolves when every delivery started so far has been answered. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.all([...this.inFlight]);
    }
  }

  private track(attempt: Promise<void>): void {
    this.inFlight.add(attempt);
    void attempt.finally(() => this.inFlight.delete(attempt));
  }

  private async attempt(webhook: WebhookRecord, delivery: WebhookDelivery): Promise<void> {
    // Sidekiq picks the job up after the request that created the status has answered.
    await new Promise((resolve) => setImmediate(resolve));
    const status = await this.post(webhook.url, delivery.body, delivery.signature);
    delivery.attempts.push(status);
    if (status >= 200 && status < 300) {
      delivery.state = 'delivered';
    } else if (unsalvageable(status)) {
      delivery.state = 'discarded';
    } else if (delivery.attempts.length >= MAX_ATTEMPTS) {
      delivery.state = 'exhausted';
    }
  }

  private async post(url: string, body: string, signature: string): Promise<number> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature': signature,
          'user-agent': this.userAgent(),
          date: new Date(this.now()).toUTCString(),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }
}

// Mastodon's JsonLdHelper#response_error_unsalvageable?: 501, or a 4xx that retrying cannot fix.
function unsalvageable(status: number): boolean {
  return status === 501 || (status >= 400 && status < 500 && ![401, 408, 429].includes(status));
}

// ActiveSupport escapes HTML-significant characters and the JavaScript line separators in JSON.
function railsJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');
}
