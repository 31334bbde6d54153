import {
  AmbiguousError,
  InvalidContentError,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
  isWriteOperation,
  parseResetHeader,
  parseRetryAfter,
  type ConnectorError,
  type ConnectorOperation,
  type ValidationIssue,
} from '@chorus/connector-sdk';

/** Every XRPC error body: `{"error": "<Name>", "message": "…"}` (network-apis.md 11.5). */
export interface XrpcErrorBody {
  readonly error?: string;
  readonly message?: string;
}

export interface XrpcErrorContext {
  readonly operation: ConnectorOperation;
  readonly endpoint: string;
  readonly now: Date;
}

// Names that mean the session no longer works. ExpiredToken is also how a stale access token is refused, which
// a refresh would fix; the SDK has no separate kind for that, and refreshing ahead of expiresAt avoids it.
const SESSION_ERRORS = new Set([
  'ExpiredToken',
  'InvalidToken',
  'AuthenticationRequired',
  'AuthMissing',
  'AccountTakedown',
  'AccountDeactivated',
  'AccountNotFound',
  'AuthFactorTokenRequired',
]);

const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** An XRPC error answer in the SDK's taxonomy. */
export function mapXrpcError(
  status: number,
  headers: Headers,
  body: XrpcErrorBody,
  context: XrpcErrorContext,
): ConnectorError {
  const name = body.error ?? `HTTP ${status}`;
  const detail = body.message ? `${name}: ${body.message}` : name;
  const options = { endpoint: context.endpoint };
  if (status === 429 || name === 'RateLimitExceeded') {
    return new RateLimitedError(
      `Bluesky rate limit reached (${detail})`,
      retryAfterSeconds(headers, context.now),
      options,
    );
  }
  if (SESSION_ERRORS.has(name) || status === 401) {
    return new ReauthRequiredError(`Bluesky refused the session (${detail}). ${advice(name)}`, options);
  }
  if (status === 403) {
    return new ReauthRequiredError(
      `Bluesky forbids this for the connected account (${detail}). Reconnect it with an app password that allows it.`,
      options,
    );
  }
  if (status >= 500) {
    const message = `Bluesky answered HTTP ${status} (${detail})`;
    return isWriteOperation(context.operation)
      ? new AmbiguousError(`${message}; it may have been applied`, options)
      : new RetriableError(message, options);
  }
  if (status === 408) {
    return new RetriableError(`Bluesky timed out the request (${detail})`, options);
  }
  return new InvalidContentError(
    `Bluesky refused this: ${detail}`,
    issuesFrom(status, name, body.message),
    options,
  );
}

function advice(name: string): string {
  switch (name) {
    case 'AuthFactorTokenRequired':
      return 'The account asks for an e-mail code: connect it with an app password instead, which needs none.';
    case 'AccountTakedown':
    case 'AccountDeactivated':
      return 'The account is not active on Bluesky; reactivate it, then reconnect.';
    default:
      return 'Reconnect the account with its handle and an app password.';
  }
}

/**
 * Seconds until `ratelimit-reset` (epoch seconds), measured from the server's own Date so that a skewed local
 * clock does not shorten the wait; Retry-After when that is all there is.
 */
function retryAfterSeconds(headers: Headers, now: Date): number {
  const serverNow = Date.parse(headers.get('date') ?? '');
  const reference = Number.isNaN(serverNow) ? now : new Date(serverNow);
  const reset = parseResetHeader(headers.get('ratelimit-reset'), 'epoch-seconds', reference);
  if (reset) {
    return Math.max(1, Math.ceil((reset.getTime() - reference.getTime()) / 1000));
  }
  return parseRetryAfter(headers.get('retry-after'), now) ?? DEFAULT_RETRY_AFTER_SECONDS;
}

// The PDS's record validation names the limit, what it got and where:
// "Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text".
const LIMIT_BROKEN = /(\w+) too (?:big|long) \(maximum (\d+), got (\d+)\) at \$\.record\.([\w.[\]]+)/u;
const MEDIA_ITEM = /^embed\.(?:images\[(\d+)\]\.image|video|external\.thumb)$/u;

function issuesFrom(status: number, name: string, message: string | undefined): ValidationIssue[] {
  const said = `Bluesky: ${message ?? name}`;
  if (status === 413 || name === 'BlobTooLarge' || name === 'PayloadTooLarge') {
    return [{ path: ['media'], code: 'media-too-large', message: said }];
  }
  const broken = LIMIT_BROKEN.exec(message ?? '');
  if (broken) {
    const [, unit, limit, actual, field] = broken;
    const numbers = { limit: Number(limit), actual: Number(actual), message: said };
    if (field === 'text') {
      return [{ path: ['text'], code: 'text-too-long', ...numbers }];
    }
    if (field === 'embed.images' && unit === 'array') {
      return [{ path: ['media'], code: 'too-many-media', ...numbers }];
    }
    const media = MEDIA_ITEM.exec(field!);
    if (media) {
      return [{ path: ['media', Number(media[1] ?? 0)], code: 'media-too-large', ...numbers }];
    }
    const alt = /^embed\.images\[(\d+)\]\.alt$/u.exec(field!);
    if (alt) {
      return [{ path: ['media', Number(alt[1]), 'altText'], code: 'alt-text-too-long', ...numbers }];
    }
  }
  if (/mime ?type|does not match stored blob|Wrong type of file/iu.test(message ?? '')) {
    return [{ path: ['media'], code: 'media-type-not-allowed', message: said }];
  }
  return [{ path: [], code: 'bluesky:refused', message: said }];
}
