export * from './postgres/index.js';
export * from './kafka/index.js';
