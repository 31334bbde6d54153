export { redditConnector } from './reddit.connector.js';
export { redditManifest } from './manifest.js';
export {
  REDDIT_SCOPES,
  redditConfigSchema,
  redditPostSettingsSchema,
  type RedditConfig,
  type RedditPostSettings,
} from './config.js';
