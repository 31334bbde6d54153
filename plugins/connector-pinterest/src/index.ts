export { pinterestConnector } from './pinterest.connector.js';
export { pinterestManifest } from './manifest.js';
export {
  PINTEREST_SCOPES,
  pinterestConfigSchema,
  pinterestPostSettingsSchema,
  type PinterestConfig,
  type PinterestPostSettings,
} from './config.js';
export { listBoards } from './publish/boards.js';
export { createPinterestDeps, type PinterestDeps } from './pinterest-deps.js';
