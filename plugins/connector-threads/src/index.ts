export { threadsConnector } from './threads.connector.js';
export { threadsManifest } from './manifest.js';
export {
  threadsConfigSchema,
  threadsPostSettingsSchema,
  THREADS_SCOPES,
  type ThreadsConfig,
  type ThreadsPostSettings,
} from './config.js';
