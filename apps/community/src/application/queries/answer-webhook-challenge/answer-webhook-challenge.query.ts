import { Query } from '@nestjs/cqrs';
import type { WebhookRequest } from '@chorus/connector-sdk';

export interface WebhookChallengeAnswer {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
}

/** A network's subscription handshake (Meta hub.challenge, X crc_token): answered by the connector. */
export class AnswerWebhookChallengeQuery extends Query<WebhookChallengeAnswer> {
  constructor(
    readonly connectorId: string,
    readonly request: WebhookRequest,
  ) {
    super();
  }
}
