export { xConnector } from './x.connector.js';
export { xManifest, X_TEXT_WEIGHTS } from './manifest.js';
export { X_SCOPES, xConfigSchema, xPostSettingsSchema, type XConfig, type XPostSettings } from './config.js';
