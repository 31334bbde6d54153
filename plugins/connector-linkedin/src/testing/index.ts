export {
  LinkedinFake,
  DEFAULT_ACTIVE_VERSIONS,
  type FakeFault,
  type LinkedinFakeOptions,
} from './fake/linkedin-fake.js';
export type { FakeSettings } from './fake/fake-settings.js';
export type {
  CommentRecord,
  MediaRecord,
  MemberRecord,
  NotificationRecord,
  OrganizationRecord,
  PageRole,
  PostRecord,
} from './fake/fake-state.js';
export {
  linkedinSignature,
  challengeResponse,
  type WebhookDelivery,
  type WebhookSubscription,
} from './fake/fake-webhooks.js';
export { LinkedinPeer } from './linkedin-peer.js';
export { createLinkedinContractSetup, type LinkedinContractSetup } from './contract-setup.js';
