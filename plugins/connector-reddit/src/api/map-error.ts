import {
  AmbiguousError,
  errorFromResponse,
  InvalidContentError,
  isWriteOperation,
  parseRetryAfter,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
  type ConnectorError,
  type ConnectorOperation,
  type IssuePath,
  type ValidationIssue,
} from '@chorus/connector-sdk';

export interface ErrorContext {
  readonly operation: ConnectorOperation;
  readonly endpoint: string;
  readonly now: Date;
  /**
   * What a 403 means on this call: `reauth` when only the token can be at fault (identity, inbox), `refused`
   * when the target refuses the account (a private, banned or quarantined subreddit), `not-moderator` on
   * moderation calls.
   */
  readonly forbidden: 'reauth' | 'refused' | 'not-moderator';
}

/** Reddit's HTTP error body `{"message":"Unauthorized","error":401}`, or the OAuth `{"error":"invalid_grant"}`. */
export interface RedditErrorBody {
  readonly message?: unknown;
  readonly error?: unknown;
  readonly error_description?: unknown;
  readonly reason?: unknown;
}

/** One `[CODE, message, field]` triple of `json.errors` (12.2). */
export type FormError = readonly [string, string, string];

/** Seconds until Reddit's window resets: X-Ratelimit-Reset (seconds), else Retry-After, else a minute. */
export function retryAfterSeconds(response: Response, now: Date): number {
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  if (response.headers.has('x-ratelimit-reset') && Number.isFinite(reset) && reset >= 0) {
    return Math.max(1, Math.ceil(reset));
  }
  return parseRetryAfter(response.headers.get('retry-after'), now) ?? 60;
}

function describe(body: RedditErrorBody | undefined): string | undefined {
  for (const value of [body?.error_description, body?.reason, body?.message, body?.error]) {
    if (typeof value === 'string' && value.length > 0) {
      return value;
    }
  }
  return undefined;
}

/** Reddit HTTP failures mapped to the SDK taxonomy; a 429 is always rate-limited, never a duplicate. */
export function mapHttpError(
  response: Response,
  body: RedditErrorBody | undefined,
  rawText: string,
  context: ErrorContext,
): ConnectorError {
  const { status } = response;
  const detail = describe(body) ?? summariseUnreadable(rawText);
  const what = `Reddit answered HTTP ${status} to ${context.operation}: ${detail}`;
  const options = { endpoint: context.endpoint };
  if (status === 429) {
    return new RateLimitedError(
      `${what}. The app spent its 100 requests a minute, or its User-Agent is refused.`,
      retryAfterSeconds(response, context.now),
      options,
    );
  }
  if (status === 401) {
    return new ReauthRequiredError(
      `${what}. The Reddit token expired or was revoked: reconnect the account.`,
      options,
    );
  }
  if (status === 403 && context.forbidden === 'not-moderator') {
    return new InvalidContentError(
      `${what}. Only a moderator of the subreddit can remove or approve comments there.`,
      [{ path: [], code: 'reddit:not-moderator', message: 'This account does not moderate that subreddit.' }],
      options,
    );
  }
  if (status === 403) {
    return context.forbidden === 'reauth'
      ? new ReauthRequiredError(`${what}. The token lacks a permission: reconnect the account.`, options)
      : new InvalidContentError(
          `${what}. The subreddit is private, banned or quarantined, or this account may not act there.`,
          [
            {
              path: ['settings', 'subreddit'],
              code: 'reddit:forbidden',
              message: 'Reddit refuses this account here.',
            },
          ],
          options,
        );
  }
  if (status === 404 && context.forbidden === 'refused') {
    return new InvalidContentError(
      `${what}. Reddit has no such subreddit or post (or it was banned): check the subreddit name.`,
      [
        {
          path: ['settings', 'subreddit'],
          code: 'reddit:not-found',
          message: 'Reddit has no such subreddit.',
        },
      ],
      options,
    );
  }
  if (status === 400 && (body?.error === 'invalid_grant' || body?.error === 'invalid_request')) {
    return new ReauthRequiredError(
      `${what}. The authorization is no longer valid: reconnect the account.`,
      options,
    );
  }
  if (status >= 500) {
    return isWriteOperation(context.operation)
      ? new AmbiguousError(`${what}. Reddit may have applied it.`, options)
      : new RetriableError(what, options);
  }
  return errorFromResponse(response, { operation: context.operation, endpoint: context.endpoint, detail });
}

// Which field of Chorus's post a `json.errors` field names.
const FIELD_PATHS: Readonly<Record<string, IssuePath>> = {
  title: ['settings', 'title'],
  text: ['text'],
  url: ['link', 'url'],
  sr: ['settings', 'subreddit'],
  flair: ['settings', 'flairId'],
  flair_id: ['settings', 'flairId'],
  flair_text: ['settings', 'flairText'],
  video_poster_url: ['settings', 'videoPosterUrl'],
  kind: ['media'],
  items: ['media'],
};

/** Seconds a `RATELIMIT` message asks to wait: "Take a break for 9 minutes" / "for 30 seconds" / "a minute". */
export function throttleSeconds(message: string): number {
  let total = 0;
  for (const match of message.matchAll(/(\d+|an?)\s*(minute|second|hour)s?/giu)) {
    const count = /^an?$/iu.test(match[1]!) ? 1 : Number(match[1]);
    const unit = match[2]!.toLowerCase();
    total += count * (unit === 'hour' ? 3600 : unit === 'minute' ? 60 : 1);
  }
  // Reddit words its waits in whole minutes; without a readable one, ten minutes is its usual penalty.
  return total > 0 ? total : 600;
}

/**
 * Errors Reddit reports inside an HTTP 200 (`json.errors`, 12.2): `RATELIMIT` is a per-action throttle, never a
 * success nor a duplicate; `USER_REQUIRED` means the token no longer acts for a user; the rest are refusals of
 * the content, each on the field Reddit names.
 */
export function mapFormErrors(errors: readonly FormError[], context: ErrorContext): ConnectorError {
  const options = { endpoint: context.endpoint };
  const listed = errors.map(([code, message]) => `${code}: ${message}`).join('; ');
  const limited = errors.find(([code]) => code === 'RATELIMIT');
  if (limited) {
    return new RateLimitedError(
      `Reddit throttles this account on ${context.operation}: ${limited[1]}`,
      throttleSeconds(limited[1]),
      options,
    );
  }
  if (errors.some(([code]) => code === 'USER_REQUIRED')) {
    return new ReauthRequiredError(`Reddit answered ${listed}. Reconnect the account.`, options);
  }
  const issues: ValidationIssue[] = errors.map(([code, message, field]) => ({
    path: FIELD_PATHS[field] ?? [],
    code: `reddit:${code}`,
    message: message || code,
  }));
  return new InvalidContentError(`Reddit refused ${context.operation}: ${listed}`, issues, options);
}

/** A body that is not Reddit's JSON (an HTML page from a proxy, a truncated answer), described in a few words. */
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
export function unreadableSuccess(
  operation: ConnectorOperation,
  endpoint: string,
  reason: string,
  cause?: unknown,
): ConnectorError {
  const message = `Reddit answered ${endpoint} with ${reason}`;
  return isWriteOperation(operation)
    ? new AmbiguousError(`${message}; it may have been applied, so it is reconciled before any retry.`, {
        endpoint,
        cause,
      })
    : new RetriableError(`${message}; the read will be retried.`, { endpoint, cause });
}
