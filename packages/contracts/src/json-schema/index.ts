export {
  emptyLock,
  extendLock,
  findLockViolations,
  LOCK_FILE,
  renderLock,
  sha256,
  type PublishedLock,
} from './published-lock.js';
export {
  contractJsonSchema,
  ENVELOPE_SCHEMA_FILE,
  envelopeJsonSchema,
  renderJson,
  renderSchemas,
  schemaFileName,
} from './render-schemas.js';
