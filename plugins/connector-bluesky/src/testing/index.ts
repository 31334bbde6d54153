export type { BlueskyTestNetwork, NetworkDescription } from './network/test-network.js';
export {
  startLocalBlueskyNetwork,
  type LocalBlueskyNetwork,
  type LocalNetworkOptions,
} from './network/local-network.js';
export { useBlueskyTestNetwork, SHARED_NETWORK_ENV } from './network/shared-network.js';
export { startNetworkControlServer, type NetworkControlServer } from './network/network-control-server.js';
export { createTestAccount, type TestAccount } from './network/test-accounts.js';
export { createdRecord, countPosts } from './network/created-record.js';
export { FaultInjector, type FaultInjectorOptions } from './faults/fault-injector.js';
export { BlueskyPeer } from './bluesky-peer.js';
export { createBlueskyContractSetup, type BlueskyContractSetup } from './contract-setup.js';
export { samplePng, sampleMp4, imageInput, videoInput } from './sample-media.js';
export { VideoServiceDouble, type VideoServiceDoubleOptions } from './video/video-service-double.js';
