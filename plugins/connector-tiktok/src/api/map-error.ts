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
} from '@chorus/connector-sdk';

export interface TikTokFailure {
  readonly status: number;
  /** `error.code` of the envelope, or `error` of an OAuth answer. */
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly logId: string | undefined;
  readonly retryAfter: string | null;
}

export interface ErrorContext {
  readonly operation: ConnectorOperation;
  readonly endpoint: string;
  readonly now: Date;
}

const HOUR = 3600;

// Refusals of the content or the account's settings (network-apis.md 7.2): where the composer shows them.
const CONTENT_CODES: Readonly<Record<string, { path: IssuePath; advice: string }>> = {
  spam_risk_text: { path: ['text'], advice: 'TikTok flagged the caption as spam; reword it.' },
  spam_risk_user_banned_from_posting: {
    path: [],
    advice: 'TikTok has banned this account from posting; nothing Chorus sends can change that.',
  },
  unaudited_client_can_only_post_to_private_accounts: {
    path: ['settings', 'privacyLevel'],
    advice:
      'The TikTok app is not audited yet: it can only post to private accounts. Make the account private or have the app audited.',
  },
  url_ownership_unverified: {
    path: ['media'],
    advice: 'The media URL is not under a domain verified in the TikTok developer portal; verify it there.',
  },
  privacy_level_option_mismatch: {
    path: ['settings', 'privacyLevel'],
    advice: 'The privacy level is not one this creator may use; choose one of the options TikTok offers.',
  },
  file_format_check_failed: { path: ['media'], advice: 'TikTok does not accept this file format.' },
  duration_check_failed: { path: ['media'], advice: "The video's duration is outside what TikTok accepts." },
  frame_rate_check_failed: { path: ['media'], advice: 'TikTok accepts 23 to 60 frames per second.' },
  picture_size_check_failed: { path: ['media'], advice: 'TikTok accepts photos up to 1080p.' },
  app_version_check_failed: {
    path: [],
    advice: 'The creator must update the TikTok app before drafts can reach their inbox.',
  },
  invalid_params: { path: [], advice: 'TikTok refused the request parameters.' },
  invalid_file_upload: { path: ['media'], advice: 'TikTok refused the uploaded file.' },
};

// Quotas that are not per minute: TikTok names no reset time, so the next attempt waits an hour.
const QUOTA_CODES: Readonly<Record<string, string>> = {
  spam_risk_too_many_posts: "The creator reached TikTok's daily post cap.",
  spam_risk_too_many_pending_share:
    'Too many drafts wait in the creator inbox; the creator must post or delete some in the TikTok app.',
  reached_active_user_cap: "The app reached TikTok's cap on active posting users for today.",
};

const REAUTH_CODES: Readonly<Record<string, string>> = {
  access_token_invalid: 'The TikTok token expired or was revoked: reconnect the account.',
  scope_not_authorized: 'The account did not grant a permission this needs: reconnect it and allow it.',
  scope_permission_missed: 'The account did not grant a permission this needs: reconnect it and allow it.',
  invalid_grant: 'The TikTok authorization is no longer valid (used or expired): reconnect the account.',
  access_denied: 'The person refused the TikTok authorization: connect the account again.',
  invalid_scope: 'TikTok refused the requested scopes: check the scopes approved for the app.',
  invalid_client: 'TikTok refused the client key or secret: fix the connector configuration.',
  invalid_request: 'TikTok refused the authorization request: connect the account again.',
};

const PULL_FAILED = new Set(['video_pull_failed', 'photo_pull_failed']);

/**
 * TikTok failures mapped to the SDK taxonomy by their string code first, then by status. A 429 is always
 * rate-limited (never read as a duplicate); a 5xx on a write is ambiguous: the post may exist.
 */
export function mapTikTokError(failure: TikTokFailure, context: ErrorContext): ConnectorError {
  const { status, code = '' } = failure;
  const options = { endpoint: context.endpoint };
  const logId = failure.logId ? ` (log_id ${failure.logId})` : '';
  const said = failure.message ? `: ${failure.message}` : '';
  const what = `TikTok answered HTTP ${status} ${code || 'without an error code'} to ${context.operation}${said}${logId}`;
  if (status === 429 || code === 'rate_limit_exceeded') {
    const wait = parseRetryAfter(failure.retryAfter, context.now) ?? 60;
    return new RateLimitedError(`${what}. Wait for the minute window to pass.`, wait, options);
  }
  const quota = QUOTA_CODES[code];
  if (quota) {
    return new RateLimitedError(`${what}. ${quota}`, HOUR, options);
  }
  const reauth = REAUTH_CODES[code];
  if (reauth) {
    return new ReauthRequiredError(`${what}. ${reauth}`, options);
  }
  if (PULL_FAILED.has(code)) {
    return new RetriableError(
      `${what}. TikTok could not download the media; nothing was published.`,
      options,
    );
  }
  const content = CONTENT_CODES[code];
  if (content && status < 500) {
    return contentError(code, `${what}. ${content.advice}`, content.path, options);
  }
  if (status >= 500 || code === 'internal_error') {
    return isWriteOperation(context.operation)
      ? new AmbiguousError(`${what}. TikTok may have applied it.`, options)
      : new RetriableError(what, options);
  }
  if (status === 401) {
    return new ReauthRequiredError(`${what}. Reconnect the account.`, options);
  }
  return errorFromResponse(new Response(null, { status }), {
    operation: context.operation,
    endpoint: context.endpoint,
    detail: `${code || 'no error code'}${said}${logId}`,
  });
}

export function contentError(
  code: string,
  message: string,
  path: IssuePath,
  options: { endpoint?: string } = {},
): InvalidContentError {
  return new InvalidContentError(message, [{ path, code: `tiktok:${code}`, message }], options);
}

/** A body that is not TikTok's JSON (an HTML page from a proxy, a truncated answer), in a few words. */
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
  const message = `TikTok answered ${endpoint} with ${reason}`;
  return isWriteOperation(operation)
    ? new AmbiguousError(`${message}; it may have been applied, so it is reconciled before any retry.`, {
        endpoint,
        cause,
      })
    : new RetriableError(`${message}; the read will be retried.`, { endpoint, cause });
}
