export { instagramConnector } from './instagram.connector.js';
export { instagramManifest } from './manifest.js';
export {
  instagramConfigSchema,
  instagramPostSettingsSchema,
  INSTAGRAM_LOGIN_SCOPES,
  FACEBOOK_LOGIN_SCOPES,
  type InstagramConfig,
  type InstagramPostSettings,
  type InstagramLogin,
} from './config.js';
