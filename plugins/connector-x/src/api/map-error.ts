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

/** X's problem-details body (5.6), the legacy v1.1 `errors` list, or the OAuth error body. */
export interface XErrorBody {
  readonly title?: string;
  readonly detail?: string;
  readonly type?: string;
  readonly errors?: readonly { readonly message?: string; readonly code?: number }[];
  readonly error?: string;
  readonly error_description?: string;
}

export interface ErrorContext {
  readonly operation: ConnectorOperation;
  readonly endpoint: string;
  readonly now: Date;
}

const problemType = (body: XErrorBody | undefined) => (body?.type ?? '').split('/').pop() ?? '';

/** The network's own words, for people: detail, title, legacy message or OAuth description. */
export function describeXError(body: XErrorBody | undefined): string | undefined {
  return (
    body?.detail ??
    body?.error_description ??
    body?.errors?.[0]?.message ??
    body?.title ??
    body?.error ??
    undefined
  );
}

/** Seconds until X's window reopens: x-rate-limit-reset (epoch seconds), else Retry-After, else a minute. */
export function retryAfterSeconds(response: Response, now: Date): number {
  const reset = Number(response.headers.get('x-rate-limit-reset'));
  if (Number.isFinite(reset) && reset > 0) {
    return Math.max(1, Math.ceil(reset - now.getTime() / 1000));
  }
  return parseRetryAfter(response.headers.get('retry-after'), now) ?? 60;
}

// 403s that mean the credentials, not the content, are wrong: a person must reconnect.
const REAUTH_403 = /unsupported authentication|suspended|locked|token/iu;

function contentIssue(code: string, message: string): ValidationIssue[] {
  return [{ path: ['text'], code: `x-twitter:${code}`, message }];
}

/**
 * X failures mapped to the SDK taxonomy. A 429 (or `usage-capped`) is always rate-limited, never read as a
 * duplicate; 403 is mostly about content (duplicate text, an unsummoned reply, a cashtag too many) and only
 * sometimes about credentials; 5xx on a write is ambiguous.
 */
export function mapXError(
  response: Response,
  body: XErrorBody | undefined,
  rawText: string,
  context: ErrorContext,
): ConnectorError {
  const { status } = response;
  const detail = describeXError(body) ?? summariseUnreadable(rawText);
  const what = `X answered HTTP ${status} to ${context.operation}: ${detail}`;
  const options = { endpoint: context.endpoint };
  const type = problemType(body);
  if (status === 429 || type === 'usage-capped' || body?.errors?.some((error) => error.code === 88)) {
    const capped = type === 'usage-capped' ? ' The app has reached its usage cap or run out of credits.' : '';
    return new RateLimitedError(`${what}.${capped}`, retryAfterSeconds(response, context.now), options);
  }
  if (status === 401) {
    return new ReauthRequiredError(
      `${what}. The X token expired or was revoked: reconnect the account.`,
      options,
    );
  }
  if (status === 403) {
    if (type === 'client-forbidden' && /scope/iu.test(detail)) {
      return new ReauthRequiredError(
        `${what}. Reconnect the account to grant the missing permission.`,
        options,
      );
    }
    if (REAUTH_403.test(`${body?.title ?? ''} ${detail}`)) {
      return new ReauthRequiredError(`${what}. Reconnect the account.`, options);
    }
    if (/duplicate content/iu.test(detail)) {
      return new InvalidContentError(
        `${what}. X refuses text identical to a recent post of this account; change the text.`,
        contentIssue('duplicate-content', 'X refuses text identical to a recent post of this account.'),
        options,
      );
    }
    if (/not been mentioned|engaged by the author/iu.test(detail)) {
      return new InvalidContentError(
        `${what}. On self-serve access X only accepts replies to authors who mentioned this account.`,
        contentIssue(
          'reply-not-summoned',
          'X only accepts a reply here if the author mentioned this account.',
        ),
        options,
      );
    }
    return new InvalidContentError(what, contentIssue('refused', detail), options);
  }
  if (status === 400 && (body?.error === 'invalid_request' || body?.error === 'invalid_grant')) {
    return new ReauthRequiredError(
      `${what}. The refresh token is no longer valid: reconnect the account.`,
      options,
    );
  }
  if (status >= 500) {
    return isWriteOperation(context.operation)
      ? new AmbiguousError(`${what}. X may have applied it.`, options)
      : new RetriableError(what, options);
  }
  return errorFromResponse(response, { operation: context.operation, endpoint: context.endpoint, detail });
}

/** A body that is not X's JSON (an HTML page from a proxy, a truncated answer), described in a few words. */
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

/** A success X answered in a way that cannot be read: a write may have been applied, a read may be retried. */
export function unreadableSuccess(
  operation: ConnectorOperation,
  endpoint: string,
  reason: string,
  cause?: unknown,
) {
  const message = `X answered ${endpoint} with ${reason}`;
  return isWriteOperation(operation)
    ? new AmbiguousError(`${message}; it may have been applied, so it is reconciled before any retry.`, {
        endpoint,
        cause,
      })
    : new RetriableError(`${message}; the read will be retried.`, { endpoint, cause });
}
