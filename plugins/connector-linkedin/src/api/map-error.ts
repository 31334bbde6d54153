import {
  AmbiguousError,
  InvalidContentError,
  isWriteOperation,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
  parseRetryAfter,
  type ConnectorError,
  type ConnectorOperation,
  type ValidationIssue,
} from '@chorus/connector-sdk';

/** LinkedIn's error envelope (network-apis.md 6.6); every field may be missing from a broken answer. */
export interface LinkedinErrorBody {
  readonly status?: number;
  readonly serviceErrorCode?: number;
  readonly code?: string;
  readonly message?: string;
  readonly errorDetails?: {
    readonly inputErrors?: readonly {
      readonly description?: string;
      readonly code?: string;
      readonly input?: { readonly inputPath?: { readonly fieldPath?: string } };
    }[];
  };
}

/** A 422 DUPLICATE_POST: LinkedIn already has this commentary from this author, as `existing`. */
export class DuplicatePostError extends Error {
  constructor(readonly existing: string | null) {
    super(`LinkedIn refused the post as a duplicate of ${existing ?? 'an earlier post'}`);
  }
}

export interface FailedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface ErrorContext {
  readonly operation: ConnectorOperation;
  readonly endpoint: string;
  readonly now: Date;
}

export function readErrorBody(text: string): LinkedinErrorBody | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/** Seconds to 00:00 UTC, when LinkedIn's daily quotas reset (6.6). */
export function secondsToUtcMidnight(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.ceil((midnight - now.getTime()) / 1000);
}

/** Maps a LinkedIn failure to the SDK taxonomy; a 422 DUPLICATE_POST becomes DuplicatePostError. */
export function mapLinkedinError(
  response: FailedResponse,
  context: ErrorContext,
): ConnectorError | DuplicatePostError {
  const body = readErrorBody(response.text);
  const options = { endpoint: context.endpoint };
  const inputErrors = body?.errorDetails?.inputErrors ?? [];
  const said = body?.message ?? (body ? undefined : describeUnreadable(response.text));
  const what = `LinkedIn answered ${context.operation} with HTTP ${response.status}${body?.code ? ` ${body.code}` : ''}${said ? `: ${said}` : ''}`;
  if (inputErrors.some((error) => error.code === 'DUPLICATE_POST')) {
    return new DuplicatePostError(/urn:li:(?:share|ugcPost):\d+/u.exec(body?.message ?? '')?.[0] ?? null);
  }
  if (response.status === 429) {
    // No rate-limit headers are documented: a daily quota, so wait for 00:00 UTC unless told otherwise.
    const retryAfter =
      parseRetryAfter(response.headers.get('retry-after'), context.now) ?? secondsToUtcMidnight(context.now);
    return new RateLimitedError(`${what}. LinkedIn's daily quota resets at 00:00 UTC.`, retryAfter, options);
  }
  if (response.status === 401) {
    return new ReauthRequiredError(`${what}. Reconnect the LinkedIn account.`, options);
  }
  if (response.status === 403) {
    return new ReauthRequiredError(
      `${what}. The member lacks a scope or the page role this needs; reconnect with the scopes, or ask a page admin for a role.`,
      options,
    );
  }
  if (response.status === 426) {
    // The connector's configuration, not the post, is at fault, and LinkedIn applied nothing: retriable, so the
    // work resumes once an administrator sets a version LinkedIn still serves (6.1: about a year of versions).
    return new RetriableError(
      `${what}. LinkedIn no longer serves this API version: an administrator must set linkedinVersion in the LinkedIn connector configuration to a current YYYYMM version; the post itself is fine.`,
      options,
    );
  }
  if (response.status === 408) {
    return new RetriableError(what, options);
  }
  if (response.status >= 500 || (response.status >= 200 && response.status < 300)) {
    return isWriteOperation(context.operation)
      ? new AmbiguousError(what, options)
      : new RetriableError(what, options);
  }
  return new InvalidContentError(what, inputErrors.map(toIssue), options);
}

function toIssue(
  error: NonNullable<NonNullable<LinkedinErrorBody['errorDetails']>['inputErrors']>[number],
): ValidationIssue {
  const field = error.input?.inputPath?.fieldPath ?? '';
  return {
    path: field.split('/').filter(Boolean),
    code: `linkedin:${(error.code ?? 'invalid').toLowerCase()}`,
    message: `${error.code ?? 'INVALID'}: ${error.description ?? 'refused by LinkedIn'}`,
  };
}

function describeUnreadable(text: string): string {
  if (/^\s*</u.test(text)) {
    return 'an HTML page instead of JSON (a proxy or LinkedIn outage page)';
  }
  return text.trim() === '' ? 'an empty body' : 'a body that is not JSON';
}
