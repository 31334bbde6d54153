export { blueskyConnector } from './bluesky.connector.js';
export { blueskyManifest } from './manifest.js';
export {
  blueskyConfigSchema,
  blueskyPostSettingsSchema,
  blueskyAuthParamsSchema,
  SELF_LABELS,
  type BlueskyConfig,
  type BlueskyPostSettings,
} from './config.js';
export { recordKeyFor, type RecordPart } from './records/record-key.js';
