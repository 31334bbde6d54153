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
  type ValidationIssue,
} from '@chorus/connector-sdk';
import { secondsUntilQuotaReset } from './pacific-time.js';

/** Google's error body (8.5), or the OAuth token endpoint's. */
export interface GoogleErrorBody {
  readonly error?:
    | string
    | {
        readonly code?: number;
        readonly message?: string;
        readonly errors?: readonly {
          readonly message?: string;
          readonly domain?: string;
          readonly reason?: string;
        }[];
      };
  readonly error_description?: string;
}

export interface ErrorContext {
  readonly operation: ConnectorOperation;
  readonly endpoint: string;
  readonly now: Date;
  /** Called when YouTube says the project's daily quota is spent. */
  onQuotaExhausted?(): void;
}

/** The first `errors[].reason`, or the OAuth `error` code. */
export function reasonOf(body: GoogleErrorBody | undefined): string {
  if (typeof body?.error === 'string') {
    return body.error;
  }
  return body?.error?.errors?.[0]?.reason ?? '';
}

function describe(body: GoogleErrorBody | undefined): string | undefined {
  if (typeof body?.error === 'string') {
    return body.error_description ?? body.error;
  }
  return body?.error?.message ?? body?.error?.errors?.[0]?.message;
}

// Content reasons and the field of the post they are about.
const CONTENT_FIELDS: Readonly<Record<string, readonly (string | number)[]>> = {
  invalidTitle: ['settings', 'title'],
  invalidDescription: ['text'],
  invalidTags: ['settings', 'tags'],
  invalidCategoryId: ['settings', 'categoryId'],
  invalidPublishAt: ['settings', 'publishAt'],
  mediaBodyRequired: ['media'],
  commentsDisabled: [],
  imageTooTall: ['settings', 'thumbnailUrl'],
  imageTooWide: ['settings', 'thumbnailUrl'],
  imageFormatUnsupported: ['settings', 'thumbnailUrl'],
};

const REAUTH_REASONS = new Set([
  'authError',
  'invalid_credentials',
  'invalid_grant',
  'insufficientPermissions',
  'youtubeSignupRequired',
  'unauthorized_client',
]);

const advice: Readonly<Record<string, string>> = {
  insufficientPermissions: 'Reconnect the channel and grant every permission Chorus asks for.',
  youtubeSignupRequired: 'The Google account has no YouTube channel: create one, then reconnect.',
  invalid_grant:
    'The refresh token expired or was revoked (an OAuth app in "Testing" status loses it after 7 days): reconnect the channel.',
};

/**
 * YouTube failures mapped to the SDK taxonomy. `quotaExceeded`/`dailyLimitExceeded` wait for the Pacific
 * midnight reset; `rateLimitExceeded` and 429 are short throttles; none of them is ever read as applied, so a
 * throttled publish is not a duplicate. 5xx on a write is ambiguous.
 */
export function mapYoutubeError(
  response: Response,
  body: GoogleErrorBody | undefined,
  rawText: string,
  context: ErrorContext,
): ConnectorError {
  const { status } = response;
  const reason = reasonOf(body);
  const detail = describe(body) ?? summariseUnreadable(rawText);
  const what = `YouTube answered HTTP ${status}${reason ? ` (${reason})` : ''} to ${context.operation}: ${detail}`;
  const options = { endpoint: context.endpoint };
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded') {
    context.onQuotaExhausted?.();
    return new RateLimitedError(
      `${what}. The project's daily quota is spent; it resets at midnight Pacific time.`,
      secondsUntilQuotaReset(context.now),
      options,
    );
  }
  if (reason === 'uploadLimitExceeded') {
    return new RateLimitedError(
      `${what}. The channel reached its daily upload cap; try again tomorrow.`,
      secondsUntilQuotaReset(context.now),
      options,
    );
  }
  if (status === 429 || reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded') {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), context.now) ?? 60;
    return new RateLimitedError(`${what}. Slow down and retry.`, retryAfter, options);
  }
  if (status === 401 || REAUTH_REASONS.has(reason)) {
    return new ReauthRequiredError(`${what}. ${advice[reason] ?? 'Reconnect the channel.'}`, options);
  }
  const field = CONTENT_FIELDS[reason];
  if (field) {
    const issues: ValidationIssue[] = [{ path: field, code: `youtube:${reason}`, message: detail }];
    return new InvalidContentError(`${what}. Change the post and publish again.`, issues, options);
  }
  if (status === 403 || status === 404 || status === 400) {
    return new InvalidContentError(
      what,
      [{ path: [], code: `youtube:${reason || status}`, message: detail }],
      options,
    );
  }
  if (status >= 500) {
    return isWriteOperation(context.operation)
      ? new AmbiguousError(`${what}. YouTube may have applied it.`, options)
      : new RetriableError(what, options);
  }
  return errorFromResponse(response, { operation: context.operation, endpoint: context.endpoint, detail });
}

/** A body that is not Google's JSON (an HTML page from a proxy, a truncated answer), in a few words. */
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
) {
  const message = `YouTube answered ${endpoint} with ${reason}`;
  return isWriteOperation(operation)
    ? new AmbiguousError(`${message}; it may have been applied, so it is reconciled before any retry.`, {
        endpoint,
        cause,
      })
    : new RetriableError(`${message}; the read will be retried.`, { endpoint, cause });
}
