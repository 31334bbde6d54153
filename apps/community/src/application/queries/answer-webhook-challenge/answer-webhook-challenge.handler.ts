import { Inject, Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WebhookIntakeMetrics } from '../../../community.metrics.js';
import { WEBHOOK_CONNECTORS } from '../../../community.tokens.js';
import {
  WebhookConnectorNotFoundError,
  WebhookSignatureRefusedError,
} from '../../../domain/webhook.errors.js';
import type { WebhookConnectors } from '../../ports/webhook-connectors.port.js';
import {
  AnswerWebhookChallengeQuery,
  type WebhookChallengeAnswer,
} from './answer-webhook-challenge.query.js';

@QueryHandler(AnswerWebhookChallengeQuery)
export class AnswerWebhookChallengeHandler implements IQueryHandler<AnswerWebhookChallengeQuery> {
  constructor(
    @Optional() @Inject(WEBHOOK_CONNECTORS) private readonly connectors: WebhookConnectors | undefined,
    private readonly metrics: WebhookIntakeMetrics,
  ) {}

  execute(query: AnswerWebhookChallengeQuery): Promise<WebhookChallengeAnswer> {
    const connector = this.connectors?.find(query.connectorId);
    if (connector?.webhook.challenge === undefined) {
      return Promise.reject(
        new WebhookConnectorNotFoundError(
          `No connector "${query.connectorId}" with a webhook handshake is loaded here`,
        ),
      );
    }
    const answer = connector.webhook.challenge(query.request);
    if (answer === null) {
      // The connector did not recognise the handshake (a wrong verify token): as bad as a wrong signature.
      this.metrics.count(query.connectorId, 'refused-signature');
      return Promise.reject(new WebhookSignatureRefusedError(query.connectorId));
    }
    return Promise.resolve(answer);
  }
}
