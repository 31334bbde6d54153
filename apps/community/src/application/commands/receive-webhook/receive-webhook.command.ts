import { Command } from '@nestjs/cqrs';
import type { WebhookRequest } from '@chorus/connector-sdk';

export interface ReceiveWebhookResult {
  /** Interactions the connector found in the delivery. */
  readonly received: number;
  readonly stored: number;
  /** Already stored: a redelivery. */
  readonly duplicates: number;
  /** For no connected channel (an account Chorus does not manage, or no account named). */
  readonly unroutable: number;
}

/** A delivery posted to the public intake, with its exact bytes. */
export class ReceiveWebhookCommand extends Command<ReceiveWebhookResult> {
  constructor(
    readonly connectorId: string,
    readonly request: WebhookRequest,
  ) {
    super();
  }
}
