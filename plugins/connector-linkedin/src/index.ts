export { linkedinConnector } from './linkedin.connector.js';
export { linkedinManifest } from './manifest.js';
export {
  linkedinConfigSchema,
  linkedinAuthParamsSchema,
  linkedinPostSettingsSchema,
  LINKEDIN_SCOPES,
  type LinkedinConfig,
  type LinkedinPostSettings,
} from './config.js';
