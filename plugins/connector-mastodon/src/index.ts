export { mastodonConnector } from './mastodon.connector.js';
export { mastodonManifest } from './manifest.js';
export {
  mastodonConfigSchema,
  mastodonPostSettingsSchema,
  MASTODON_SCOPES,
  type MastodonConfig,
  type MastodonPostSettings,
} from './config.js';
