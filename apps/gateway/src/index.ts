export { GatewayModule, gatewayService } from './gateway.module.js';
export { IDENTITY_SIGNING_KEY, UPSTREAMS } from './gateway.tokens.js';
export { NOTIFICATION_SETTINGS, type NotificationSettings } from './notifications/notifications.tokens.js';
export { SECURITY_HEADERS } from './interface/http/security-headers.middleware.js';
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
