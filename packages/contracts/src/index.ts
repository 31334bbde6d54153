export { allContracts } from './all-contracts.js';
export * from './analytics/index.js';
export * from './community/index.js';
export * from './content/index.js';
export * from './envelope/index.js';
export * from './gateway/index.js';
export * from './shared/index.js';
export * from './strategy/index.js';
