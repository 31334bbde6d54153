export { CommunityModule, communityService } from './community.module.js';
export { INBOX_CREDENTIALS, WEBHOOK_CONNECTORS } from './community.tokens.js';
export type { InboxCredentials } from './application/ports/inbox-credentials.port.js';
export { WebhookIntakeMetrics, type WebhookIntakeOutcome } from './community.metrics.js';
export { webhookConnectorsOf, type ConnectorSource } from './webhook-connectors-of.js';
export type { WebhookConnector, WebhookConnectors } from './application/ports/webhook-connectors.port.js';
