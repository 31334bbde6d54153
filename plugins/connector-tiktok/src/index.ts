export { tiktokConnector } from './tiktok.connector.js';
export { tiktokManifest, VIDEO_CAPTION_MAX, PHOTO_DESCRIPTION_MAX, PHOTO_TITLE_MAX } from './manifest.js';
export {
  TIKTOK_SCOPES,
  PRIVACY_LEVELS,
  tiktokConfigSchema,
  tiktokPostSettingsSchema,
  type PrivacyLevel,
  type TikTokConfig,
  type TikTokPostSettings,
} from './config.js';
export { createTikTokWebhook, REMOVAL_REASONS, type TikTokWebhookEvent } from './webhooks/tiktok-webhook.js';
export { planChunks, chunkRanges, type ChunkPlan } from './publish/chunk-plan.js';
