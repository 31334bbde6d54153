import { Injectable } from '@nestjs/common';

/** What happened to a webhook delivery (or to one interaction in it, for the last four). */
export type WebhookIntakeOutcome =
  | 'unknown-connector'
  | 'refused-signature'
  | 'malformed'
  | 'unknown-account'
  | 'incomplete'
  | 'completion-deferred'
  | 'stored'
  | 'duplicate';

interface Sample {
  readonly connector: string;
  readonly outcome: WebhookIntakeOutcome;
  value: number;
}

/** `community_webhook_intake_total{connector,outcome}`: in-memory counters, read by a metrics endpoint or a test. */
@Injectable()
export class WebhookIntakeMetrics {
  private readonly samples = new Map<string, Sample>();

  count(connector: string, outcome: WebhookIntakeOutcome, amount = 1): void {
    const key = `${connector}\u0000${outcome}`;
    const sample = this.samples.get(key) ?? { connector, outcome, value: 0 };
    sample.value += amount;
    this.samples.set(key, sample);
  }

  value(connector: string, outcome: WebhookIntakeOutcome): number {
    return this.samples.get(`${connector}\u0000${outcome}`)?.value ?? 0;
  }

  snapshot(): { name: string; labels: { connector: string; outcome: string }; value: number }[] {
    return [...this.samples.values()].map((sample) => ({
      name: 'community_webhook_intake_total',
      labels: { connector: sample.connector, outcome: sample.outcome },
      value: sample.value,
    }));
  }
}
