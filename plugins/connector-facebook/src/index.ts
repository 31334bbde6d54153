export { facebookConnector } from './facebook.connector.js';
export { facebookManifest } from './manifest.js';
export {
  facebookConfigSchema,
  facebookPostSettingsSchema,
  FACEBOOK_SCOPES,
  type FacebookConfig,
  type FacebookPostSettings,
} from './config.js';
