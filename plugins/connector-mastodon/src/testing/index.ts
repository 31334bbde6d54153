export { MastodonFake, type MastodonFakeOptions, type RequestLogEntry } from './fake/mastodon-fake.js';
export { DEFAULT_INSTANCE_CONFIG, type FakeInstanceConfig } from './fake/fake-config.js';
export { DEFAULT_THROTTLES, type ThrottleConfig, type ThrottleRule } from './fake/fake-rate-limits.js';
export type { FakeFault, FaultMatch } from './fake/fake-faults.js';
export type { StatusRecord, AccountRecord } from './fake/fake-state.js';
export {
  WEBHOOK_EVENTS,
  type DeliveryState,
  type WebhookDelivery,
  type WebhookEvent,
  type WebhookRecord,
} from './fake/fake-webhooks.js';
export { MastodonPeer } from './mastodon-peer.js';
export { createMastodonContractSetup, type MastodonContractSetup } from './contract-setup.js';
