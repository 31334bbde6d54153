import { isWriteOperation, type ConnectorOperation } from '../capabilities/operations.js';
import {
  AmbiguousError,
  InvalidContentError,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
  type ConnectorError,
} from './connector-errors.js';
import { parseRetryAfter } from './retry-after.js';

export interface ResponseErrorContext {
  readonly operation: ConnectorOperation;
  /** The network's own words (its error body), shown to people. */
  readonly detail?: string;
  readonly endpoint?: string;
  /** Seconds to wait on a 429 when the response says nothing. */
  readonly defaultRetryAfter?: number;
  readonly now?: Date;
}

/**
 * The default mapping of an HTTP error status to the taxonomy; connectors call it after handling the cases
 * their network signals differently (Meta's 400 rate limits, Bluesky's 400 ExpiredToken).
 */
export function errorFromResponse(response: Response, context: ResponseErrorContext): ConnectorError {
  const { status } = response;
  const detail = context.detail ? `: ${context.detail}` : '';
  const options = { endpoint: context.endpoint };
  const what = `${context.operation} got HTTP ${status}${detail}`;
  if (status === 429) {
    const retryAfter =
      parseRetryAfter(response.headers.get('retry-after'), context.now ?? new Date()) ??
      context.defaultRetryAfter ??
      60;
    return new RateLimitedError(what, retryAfter, options);
  }
  if (status === 401 || status === 403) {
    return new ReauthRequiredError(`${what}. Reconnect the account.`, options);
  }
  if (status === 408) {
    return new RetriableError(what, options);
  }
  if (status >= 500) {
    return isWriteOperation(context.operation)
      ? new AmbiguousError(what, options)
      : new RetriableError(what, options);
  }
  return new InvalidContentError(what, [], options);
}
