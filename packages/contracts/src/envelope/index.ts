export { ContractDefinitionError, ContractViolationError } from './contract.errors.js';
export { ContractRegistry } from './contract-registry.js';
export { createEnvelope, type EnvelopeMeta } from './create-envelope.js';
export { defineEvent, topicFor, type EventContract, type PayloadOf } from './event-contract.js';
export { EventEnvelopeSchema, type EventEnvelope } from './event-envelope.js';
export { parseEnvelope, type ParsedEnvelope, type ParseFailureReason } from './parse-envelope.js';
export { createUuidv7Generator, uuidv7, uuidv7Timestamp } from './uuidv7.js';
