export { ThreadsFake, type ThreadsFakeOptions } from './fake/threads-fake.js';
export type { ContainerRecord, PostRecord, TokenRecord, UserRecord } from './fake/threads-state.js';
export { ThreadsPeer } from './threads-peer.js';
export { createThreadsContractSetup, type ThreadsContractSetup } from './contract-setup.js';
