export { ContentModule, contentService } from './content.module.js';
export {
  CHANNEL_CREDENTIALS,
  PLANNER_OPTIONS,
  PUBLISHER_OPTIONS,
  PUBLISHING_NETWORKS,
  PUBLISH_CONNECTORS,
} from './content.tokens.js';
export { publishingNetworksOf, type PublishingConnectorSource } from './publishing-networks-of.js';
export { GatewayCredentialsAdapter } from './infrastructure/publishing/gateway-credentials.adapter.js';
export {
  ChannelMustReconnectError,
  type ChannelCredentials,
} from './application/ports/channel-credentials.port.js';
export type { PublisherOptionsInput } from './domain/publishing/publisher-options.value-object.js';
export { PublisherWorker } from './infrastructure/publishing/publisher.worker.js';
export { PlannerWorker, type PlannerOptions } from './infrastructure/planning/planner.worker.js';
export { publishConnectorsOf, type PublishConnectorSource } from './publish-connectors-of.js';
export { MEDIA_LIBRARY_OPTIONS, MEDIA_STORAGE } from './media/media.tokens.js';
export type { MediaLibraryOptions } from './media/application/ports/media-library-options.port.js';
export type { MediaStorage } from './media/application/ports/media-storage.port.js';
export { LocalDiskMediaStorage } from './media/infrastructure/storage/local-disk-media-storage.adapter.js';
