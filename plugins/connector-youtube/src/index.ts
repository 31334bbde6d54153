export { youtubeConnector } from './youtube.connector.js';
export { youtubeManifest, VIDEO_TYPES } from './manifest.js';
export {
  YOUTUBE_SCOPES,
  youtubeConfigSchema,
  youtubePostSettingsSchema,
  type YoutubeConfig,
  type YoutubePostSettings,
} from './config.js';
export { QUOTA_COSTS, type YoutubeMethod } from './api/quota-costs.js';
export { nextPacificMidnight } from './api/pacific-time.js';
export {
  youtubeUploadNotifications,
  parseFeed,
  feedTopic,
  type UploadNotification,
  type UploadNotificationsOptions,
} from './inbox/websub.js';
