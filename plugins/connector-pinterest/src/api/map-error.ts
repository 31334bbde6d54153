import {
  AmbiguousError,
  errorFromResponse,
  InvalidContentError,
  parseRetryAfter,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
  type ConnectorError,
  type ConnectorOperation,
  type ValidationIssue,
} from '@chorus/connector-sdk';

/** Pinterest's `{code, message}` error body (9.5); OAuth errors may come as `{error, error_description}`. */
export interface PinterestErrorBody {
  readonly code?: number;
  readonly message?: string;
  readonly error?: string;
  readonly error_description?: string;
}

export interface ErrorContext {
  readonly operation: ConnectorOperation;
  readonly label: string;
  readonly endpoint: string;
  /** Whether the request may have changed something on Pinterest (a pin create, a token exchange). */
  readonly write: boolean;
  /** A token call: a refused refresh token means reconnecting. */
  readonly token: boolean;
  readonly now: Date;
}

const DEFAULT_RETRY_AFTER = 60;
// 403s about the token rather than about a board or pin the account may not use.
const REAUTH_403 = /scope|token|authenticat|consumer type/iu;

const issue = (code: string, message: string): ValidationIssue[] => [
  { path: [], code: `pinterest:${code}`, message },
];

export function describePinterestError(body: PinterestErrorBody | undefined): string | undefined {
  return body?.message ?? body?.error_description ?? body?.error ?? undefined;
}

/**
 * Pinterest failures mapped to the SDK taxonomy. A 429 is always rate-limited (never read as a duplicate or a
 * refusal of the content); 401 means reconnect; a 5xx on a write is ambiguous. The mapping goes by status and
 * message, never by the numeric `code`, which network-apis.md does not list.
 */
export function mapPinterestError(
  response: Response,
  body: PinterestErrorBody | undefined,
  rawText: string,
  context: ErrorContext,
): ConnectorError {
  const { status } = response;
  const detail = describePinterestError(body) ?? summariseUnreadable(rawText);
  const what = `Pinterest answered HTTP ${status} to ${context.label}: ${detail}`;
  const options = { endpoint: context.endpoint };
  if (status === 429) {
    const retryAfter =
      parseRetryAfter(response.headers.get('retry-after'), context.now) ?? DEFAULT_RETRY_AFTER;
    return new RateLimitedError(`${what}. Nothing was created; try again later.`, retryAfter, options);
  }
  if (context.token && status === 401) {
    // The token endpoint authenticates the app itself (HTTP Basic): a 401 there is usually its id or secret.
    return new ReauthRequiredError(
      `${what}. Check the connector's clientId and clientSecret (the App ID and secret key on developers.pinterest.com), then reconnect the account.`,
      options,
    );
  }
  if (status === 401 || (context.token && (status === 400 || status === 403))) {
    return new ReauthRequiredError(
      `${what}. The Pinterest token expired or was revoked: reconnect the account.`,
      options,
    );
  }
  if (status === 403) {
    if (REAUTH_403.test(detail)) {
      return new ReauthRequiredError(`${what}. Reconnect the account to grant the permission.`, options);
    }
    return new InvalidContentError(
      `${what}. The account may not pin to this board or pin: choose a board it owns.`,
      issue('forbidden', detail),
      options,
    );
  }
  if (status === 400 && /unable to reach the url/iu.test(detail)) {
    // Pinterest could not fetch an image_url; nothing was created, a later attempt may succeed (obs).
    return new RetriableError(
      `${what}. Pinterest could not download the image; it will be retried.`,
      options,
    );
  }
  if (status === 404) {
    return new InvalidContentError(
      `${what}. Check that the board (or pin) still exists and belongs to this account.`,
      issue('not-found', detail),
      options,
    );
  }
  if (status === 400 || status === 409 || status === 422) {
    return new InvalidContentError(`${what}.`, issue('refused', detail), options);
  }
  if (status >= 500) {
    return context.write
      ? new AmbiguousError(`${what}. Pinterest may have applied it.`, options)
      : new RetriableError(what, options);
  }
  return errorFromResponse(response, {
    operation: context.operation,
    endpoint: context.endpoint,
    detail: `${detail} (${context.label})`,
  });
}

/** A body that is not Pinterest's JSON (an HTML page from a proxy, a truncated answer), in a few words. */
export function summariseUnreadable(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'an empty body';
  }
  if (/^<(!doctype|html)/iu.test(trimmed)) {
    const title = /<title>([^<]{1,120})<\/title>/iu.exec(trimmed)?.[1];
    return `an HTML page${title ? ` ("${title.trim()}")` : ''} instead of JSON`;
  }
  return `an unreadable body (${JSON.stringify(trimmed.slice(0, 80))})`;
}

/** A success that cannot be read: a write may have been applied, a read may be retried. */
export function unreadableSuccess(context: ErrorContext, reason: string, cause?: unknown): ConnectorError {
  const message = `Pinterest answered ${context.label} with ${reason}`;
  const options = { endpoint: context.endpoint, cause };
  return context.write
    ? new AmbiguousError(
        `${message}; it may have been applied, so it is reconciled before any retry.`,
        options,
      )
    : new RetriableError(`${message}; the read will be retried.`, options);
}
