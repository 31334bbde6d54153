import {
  AmbiguousError,
  InvalidContentError,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
  errorFromResponse,
  isWriteOperation,
  parseResetHeader,
  type ConnectorError,
  type ConnectorOperation,
  type ValidationIssue,
} from '@chorus/connector-sdk';

export interface MastodonErrorBody {
  readonly error?: string;
  readonly error_description?: string;
}

/** Mastodon's error answers in the SDK's taxonomy. */
export function mapMastodonError(
  response: Response,
  body: MastodonErrorBody,
  operation: ConnectorOperation,
  endpoint: string,
  now: Date,
): ConnectorError {
  const detail = body.error_description ?? body.error ?? `HTTP ${response.status}`;
  const options = { endpoint };
  switch (response.status) {
    case 401:
      return new ReauthRequiredError(
        `Mastodon refused the token (${detail}). Reconnect the account.`,
        options,
      );
    case 403:
      return new ReauthRequiredError(
        `Mastodon forbids this (${detail}). Reconnect the account with the needed permissions.`,
        options,
      );
    case 429: {
      // Retry-After is absent; X-RateLimit-Reset is an ISO time. Measure from the server's Date to avoid clock skew.
      const serverNow = Date.parse(response.headers.get('date') ?? '');
      const reference = Number.isNaN(serverNow) ? now : new Date(serverNow);
      const reset = parseResetHeader(response.headers.get('x-ratelimit-reset'), 'iso8601', reference);
      const seconds = reset ? Math.ceil((reset.getTime() - reference.getTime()) / 1000) : 300;
      return new RateLimitedError(`Mastodon rate limit reached (${detail})`, seconds, options);
    }
    case 422:
      if (/not finished processing/iu.test(detail)) {
        return new RetriableError(`Mastodon is still processing the media (${detail})`, options);
      }
      return new InvalidContentError(`Mastodon refused the post: ${detail}`, issuesFrom(detail), options);
    default:
      if (response.status >= 500) {
        const message = `Mastodon answered HTTP ${response.status} (${detail})`;
        return isWriteOperation(operation)
          ? new AmbiguousError(message, options)
          : new RetriableError(message, options);
      }
      return errorFromResponse(response, { operation, detail, endpoint, now });
  }
}

function issuesFrom(detail: string): ValidationIssue[] {
  const tooLong = /character limit of (\d+) exceeded/iu.exec(detail);
  if (tooLong) {
    return [
      { path: ['text'], code: 'text-too-long', limit: Number(tooLong[1]), message: `Mastodon: ${detail}` },
    ];
  }
  const tooMany = /more than (\d+) files/iu.exec(detail);
  if (tooMany) {
    return [
      { path: ['media'], code: 'too-many-media', limit: Number(tooMany[1]), message: `Mastodon: ${detail}` },
    ];
  }
  return [{ path: [], code: 'mastodon:refused', message: `Mastodon: ${detail}` }];
}
