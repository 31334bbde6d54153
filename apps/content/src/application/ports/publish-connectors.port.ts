// Provided by the host (see publishConnectorsOf); the shapes live in the domain, which validates with them.
export type { PublishConnector, PublishConnectors } from '../../domain/publish-connector.value-object.js';
