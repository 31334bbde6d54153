export { YoutubeFake, type YoutubeFakeOptions, type RequestLogEntry } from './fake/youtube-fake.js';
export type { YoutubeFakeFault, FaultTarget } from './fake/youtube-fake-faults.js';
export type { YoutubeFakeConfig } from './fake/youtube-fake-routing.js';
export type { FakeQuotaConfig } from './fake/youtube-fake-quota.js';
export type { WebSubDelivery } from './fake/youtube-fake-websub.js';
export type { ChannelRecord, CommentRecord, VideoRecord } from './fake/youtube-fake-state.js';
export { YoutubePeer, PEER_SCOPES } from './youtube-peer.js';
export { createYoutubeContractSetup, sampleVideo, type YoutubeContractSetup } from './contract-setup.js';
