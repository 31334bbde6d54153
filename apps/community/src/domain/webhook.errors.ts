/** No loaded connector has this id, or it does not take webhooks. */
export class WebhookConnectorNotFoundError extends Error {
  override readonly name = 'WebhookConnectorNotFoundError';
}

/** The signature is missing or was not made with the secret over these exact bytes. */
export class WebhookSignatureRefusedError extends Error {
  override readonly name = 'WebhookSignatureRefusedError';

  constructor(connectorId: string) {
    super(
      `The webhook signature is missing or does not match the body: the delivery was refused and nothing was stored. ` +
        `Check the secret configured for the ${connectorId} connector.`,
    );
  }
}

/**
 * Genuine, but an interaction in it could not be completed for a reason that may pass (the network or the
 * gateway did not answer): refused so that the network delivers it again; what was stored stays stored once.
 */
export class WebhookCompletionDeferredError extends Error {
  override readonly name = 'WebhookCompletionDeferredError';
}

/** Genuine (signed) but not something the connector can read. */
export class MalformedWebhookError extends Error {
  override readonly name = 'MalformedWebhookError';
}
