export { XFake, type XFakeOptions, type RequestLogEntry } from './fake/x-fake.js';
export type { XFakeFault, FaultMatch } from './fake/x-fake-faults.js';
export type { XFakeConfig } from './fake/x-fake-routing.js';
export { X_RATE_LIMITS, type EndpointLimits, type BucketRule } from './fake/x-fake-rate-limits.js';
export type { PostRecord, UserRecord, MediaRecord, DirectMessageRecord } from './fake/x-fake-state.js';
export { weightedLength } from './fake/x-fake-text.js';
export { XPeer, PEER_SCOPES } from './x-peer.js';
export { createXContractSetup, sampleMedia, type XContractSetup } from './contract-setup.js';
