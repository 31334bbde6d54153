import type { ConnectorManifest, PostInput, ValidationIssue } from '@chorus/connector-sdk';
import type { PublishConnectors } from './application/ports/publish-connectors.port.js';

/** What the connector host offers (`ConnectorHost` from @chorus/connector-host fits), described by shape. */
export interface PublishConnectorSource {
  has(id: string): boolean;
  connector(id: string): {
    readonly manifest: ConnectorManifest;
    validate(post: PostInput): Promise<ValidationIssue[]>;
  };
}

/** The PUBLISH_CONNECTORS a host provides to the content service, from its loaded connector plugins. */
export function publishConnectorsOf(source: PublishConnectorSource): PublishConnectors {
  return {
    find(network) {
      if (!source.has(network)) {
        return undefined;
      }
      const connector = source.connector(network);
      const manifest = connector.manifest;
      return {
        profile: {
          displayName: manifest.displayName,
          kinds: manifest.capabilities.publish?.kinds ?? [],
          maxMediaItems: manifest.limits.media?.maxItems ?? 0,
          placements: placementsOf(manifest.postSettingsSchema),
          media: manifest.limits.media ?? null,
        },
        validate: (post) => connector.validate(post),
      };
    },
  };
}

function placementsOf(schema: unknown): string[] {
  const placement = (schema as { properties?: { placement?: { enum?: unknown } } }).properties?.placement;
  return Array.isArray(placement?.enum)
    ? placement.enum.filter((v): v is string => typeof v === 'string')
    : [];
}
