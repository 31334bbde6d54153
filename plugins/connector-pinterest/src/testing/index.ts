export { PinterestFake, type PinterestFakeOptions, type RequestLogEntry } from './fake/pinterest-fake.js';
export type { PinterestFakeFault, FaultMatch } from './fake/pinterest-fake-faults.js';
export type { PinterestFakeConfig, RateCategory } from './fake/pinterest-fake-routing.js';
export { PINTEREST_RATE_LIMITS, type PinterestRateLimits } from './fake/pinterest-fake-rate-limits.js';
export type {
  BoardRecord,
  MediaRecord,
  PinCounters,
  PinRecord,
  UserRecord,
} from './fake/pinterest-fake-state.js';
export { UPLOAD_PATH } from './fake/routes/media.routes.js';
export { PinterestPeer, PEER_SCOPES } from './pinterest-peer.js';
export { createPinterestContractSetup, sampleMedia, type PinterestContractSetup } from './contract-setup.js';
