import { isWriteOperation, type ConnectorOperation } from '../capabilities/operations.js';
import {
  AmbiguousError,
  ConnectorError,
  InvalidContentError,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
  isConnectorError,
} from './connector-errors.js';

// Codes that prove the request never reached the network.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Maps anything thrown by a connector call to the taxonomy. Taxonomy errors (from any copy of the SDK) keep
 * their kind. Anything else is ambiguous for a write such as publish, even a connection that was never made:
 * a publish takes several requests, and only the connector knows whether an earlier one was applied (it says
 * so by throwing a taxonomy error). For a read, anything else is retriable.
 */
export function classifyError(error: unknown, operation: ConnectorOperation = 'publish'): ConnectorError {
  if (error instanceof ConnectorError) {
    return error;
  }
  if (isConnectorError(error)) {
    return rehydrate(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isWriteOperation(operation)) {
    return new AmbiguousError(
      `${operation} failed in an unexpected way and may have been applied: ${message}`,
      {
        cause: error,
      },
    );
  }
  const reason = neverSent(error) ? 'the network could not be reached' : 'failed';
  return new RetriableError(`${operation}: ${reason} (${message})`, { cause: error });
}

function rehydrate(error: ConnectorError): ConnectorError {
  const options = { cause: error, endpoint: error.endpoint };
  switch (error.kind) {
    case 'retriable':
      return new RetriableError(error.message, options);
    case 'rate-limited':
      return new RateLimitedError(
        error.message,
        Number((error as RateLimitedError).retryAfter) || 0,
        options,
      );
    case 'reauth-required':
      return new ReauthRequiredError(error.message, options);
    case 'invalid-content':
      return new InvalidContentError(error.message, (error as InvalidContentError).issues ?? [], options);
    case 'ambiguous':
      return new AmbiguousError(error.message, options);
    default:
      return new AmbiguousError(
        `Unknown error kind '${String((error as { kind: unknown }).kind)}': ${error.message}`,
        options,
      );
  }
}

/** True when the error proves one request never reached the network (refused, unresolvable, unreachable). */
export function neverSent(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
