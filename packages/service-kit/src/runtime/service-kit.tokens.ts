// Injection tokens for what the kit provides to a service module. Interfaces are injected by token because
// vitest strips types: a constructor parameter typed by an interface has no runtime class to match.
export const SERVICE_NAME = Symbol('chorus:service-name');
export const SERVICE_DATABASE = Symbol('chorus:service-database');
export const EVENT_BUS = Symbol('chorus:event-bus');
export const OUTBOX = Symbol('chorus:outbox');
export const SERVICE_LOGGER = Symbol('chorus:service-logger');
export const IDENTITY_PUBLIC_KEY = Symbol('chorus:identity-public-key');
export const SERVICE_RUNTIME_STATE = Symbol('chorus:runtime-state');
