import type { WebhookCapability } from '@chorus/connector-sdk';

/** A loaded connector that takes webhooks, as the connector host hands it out (verify calls are counted there). */
export interface WebhookConnector {
  /** The manifest's network id: channels are looked up by it. */
  readonly network: string;
  readonly webhook: WebhookCapability;
}

/** The connectors of this process, by the id they were loaded under (the `:connector` of the intake URL). */
export interface WebhookConnectors {
  find(connectorId: string): WebhookConnector | undefined;
}
