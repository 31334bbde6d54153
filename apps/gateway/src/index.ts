export { GatewayModule, gatewayService } from './gateway.module.js';
export { IDENTITY_SIGNING_KEY, UPSTREAMS } from './gateway.tokens.js';
export { CONSOLE_DIR } from './console/console.tokens.js';
export { NOTIFICATION_SETTINGS, type NotificationSettings } from './notifications/notifications.tokens.js';
export { SECURITY_HEADERS, edgeSecurityHeaders } from './interface/http/security-headers.middleware.js';
export {
  CHANNEL_CONNECTORS,
  CHANNEL_REFRESH_SCHEDULE,
  INTERNAL_API_TOKEN,
  PUBLIC_URL,
  TOKEN_VAULT,
} from './gateway.tokens.js';
export { createTokenVault } from './infrastructure/vault/envelope-vault.value-object.js';
export { VaultError, VaultKeyRing } from './infrastructure/vault/vault-key-ring.value-object.js';
export type { TokenVault } from './application/ports/token-vault.port.js';
export type { ChannelConnectors } from './application/ports/channel-connectors.port.js';
export type { ChannelRefreshSchedule } from './infrastructure/scheduling/channel-maintenance.worker.js';
export { SERVICE_TOKEN_HEADER, TENANT_HEADER } from './interface/http/internal-service.guard.js';
export { AGENCY_ROLES, MAIL_SETTINGS, OUTBOUND_POLICY } from './gateway.tokens.js';
export type { MailSettings } from './application/ports/mail-sender.port.js';
export { readDroppedMail, type DroppedMail } from './infrastructure/mail/mail-file-drop.adapter.js';
export { guardedFetch, type OutboundPolicy } from './infrastructure/network/outbound-guard.adapter.js';
export { PrivateNetworkTargetError } from './domain/network-target.errors.js';
export { PURPOSE_HEADER, SERVICE_NAME_HEADER } from './interface/http/internal-channels.http-controller.js';
export { MailFileDrop } from './infrastructure/mail/mail-file-drop.adapter.js';
