import type { ConnectorManifest, FindPublishedFn, PublishFn } from '@chorus/connector-sdk';
import type { PublishingNetworks } from './application/ports/publishing-networks.port.js';

/** What the connector host offers for publishing (`ConnectorHost` fits), described by shape. */
export interface PublishingConnectorSource {
  has(id: string): boolean;
  connector(id: string): {
    readonly manifest: ConnectorManifest;
    readonly publish?: PublishFn;
    readonly findPublished?: FindPublishedFn;
  };
}

/**
 * The PUBLISHING_NETWORKS a host provides to the content service. The host's connectors are already rate
 * limited per (network, account, endpoint), timed out, and classify every failure (packages/connector-host).
 */
export function publishingNetworksOf(source: PublishingConnectorSource): PublishingNetworks {
  return {
    find(network) {
      if (!source.has(network)) {
        return undefined;
      }
      const connector = source.connector(network);
      const publish = connector.publish;
      if (publish === undefined) {
        return undefined;
      }
      return {
        displayName: connector.manifest.displayName,
        kinds: connector.manifest.capabilities.publish?.kinds ?? [],
        publish,
        findPublished: connector.findPublished,
        visibilityDelayMs:
          (connector.manifest.capabilities.findPublished?.visibilityDelaySeconds ?? 0) * 1000,
      };
    },
  };
}
