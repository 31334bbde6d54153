import type { ValidationIssue } from '../validation/validation-issue.js';

/**
 * Brand shared by every copy of the SDK (a plugin may bring its own copy): the host recognises taxonomy errors
 * by brand and kind, never by `instanceof` alone.
 */
export const CONNECTOR_ERROR_BRAND = Symbol.for('@chorus/connector-sdk/error');

export type ErrorKind = 'retriable' | 'rate-limited' | 'reauth-required' | 'invalid-content' | 'ambiguous';

export interface ConnectorErrorOptions {
  readonly cause?: unknown;
  /** The connector's endpoint name, when the error belongs to one (rate limits are kept per endpoint). */
  readonly endpoint?: string;
}

/** The taxonomy every connector maps its network's failures to. */
export abstract class ConnectorError extends Error {
  abstract readonly kind: ErrorKind;
  readonly endpoint: string | undefined;
  readonly [CONNECTOR_ERROR_BRAND] = true;

  constructor(message: string, options: ConnectorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.endpoint = options.endpoint;
  }

  override get name(): string {
    return this.constructor.name;
  }
}

/** Definitely not applied by the network (connection refused, a read that timed out): retry with backoff. */
export class RetriableError extends ConnectorError {
  readonly kind = 'retriable' as const;
}

/** The network refused for quota reasons and did not apply the request. */
export class RateLimitedError extends ConnectorError {
  readonly kind = 'rate-limited' as const;
  /** Seconds to wait before the next attempt, from Retry-After or the network's reset header. */
  readonly retryAfter: number;

  constructor(message: string, retryAfter: number, options: ConnectorErrorOptions = {}) {
    super(message, options);
    this.retryAfter = Math.max(0, retryAfter);
  }
}

/** The credentials are expired, revoked or lack a permission: a person must reconnect the account. */
export class ReauthRequiredError extends ConnectorError {
  readonly kind = 'reauth-required' as const;
}

/** The network refuses this content; retrying the same content cannot succeed. */
export class InvalidContentError extends ConnectorError {
  readonly kind = 'invalid-content' as const;
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, issues: readonly ValidationIssue[] = [], options: ConnectorErrorOptions = {}) {
    super(message, options);
    this.issues = issues;
  }
}

/** The request may have been applied (timeout after sending, reset, 5xx): reconcile, never retry blindly. */
export class AmbiguousError extends ConnectorError {
  readonly kind = 'ambiguous' as const;
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[CONNECTOR_ERROR_BRAND] === true &&
    typeof (error as { kind?: unknown }).kind === 'string'
  );
}
