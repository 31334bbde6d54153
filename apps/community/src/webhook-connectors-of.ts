import type { WebhookConnector, WebhookConnectors } from './application/ports/webhook-connectors.port.js';
import type { WebhookCapability } from '@chorus/connector-sdk';

/** What the connector host offers (`ConnectorHost` from @chorus/connector-host fits), described by shape. */
export interface ConnectorSource {
  has(id: string): boolean;
  connector(id: string): {
    readonly manifest: { readonly network: string };
    readonly inbox?: { readonly webhook?: WebhookCapability };
  };
}

/** The WEBHOOK_CONNECTORS a host provides to the community service, from its loaded connector plugins. */
export function webhookConnectorsOf(source: ConnectorSource): WebhookConnectors {
  return {
    find(connectorId): WebhookConnector | undefined {
      if (!source.has(connectorId)) {
        return undefined;
      }
      const connector = source.connector(connectorId);
      const webhook = connector.inbox?.webhook;
      return webhook === undefined ? undefined : { network: connector.manifest.network, webhook };
    },
  };
}
