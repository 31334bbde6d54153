export { TikTokFake, type TikTokFakeOptions, type RequestLogEntry } from './fake/tiktok-fake.js';
export { POST_INIT, type TikTokFakeFault, type FaultMatch } from './fake/fake-faults.js';
export type { TikTokFakeConfig } from './fake/fake-routing.js';
export { TIKTOK_RATE_LIMITS } from './fake/fake-rate-limits.js';
export { FAKE_CHUNK_RULES } from './fake/fake-init-checks.js';
export type { WebhookDelivery } from './fake/fake-webhooks.js';
export type { PostRecord, UserRecord, PublishJob, MediaMeta } from './fake/fake-state.js';
export { TikTokPeer } from './tiktok-peer.js';
export {
  createTikTokContractSetup,
  samplePhoto,
  sampleVideo,
  videoBytes,
  SAMPLE_PHOTO_URL,
  SAMPLE_VIDEO_URL,
  type TikTokContractSetup,
} from './contract-setup.js';
