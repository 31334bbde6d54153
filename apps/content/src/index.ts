export { ContentModule, contentService } from './content.module.js';
export { PUBLISH_CONNECTORS } from './content.tokens.js';
export { publishConnectorsOf, type PublishConnectorSource } from './publish-connectors-of.js';
