import {
  AmbiguousError,
  InvalidContentError,
  RateLimitedError,
  ReauthRequiredError,
  RetriableError,
  isWriteOperation,
  type ConnectorError,
  type ConnectorOperation,
  type ValidationIssue,
} from '@chorus/connector-sdk';
import type { GraphUsage } from './usage-headers.js';

/** The `error` object of Meta's error envelope (network-apis.md 1.2). */
export interface GraphErrorBody {
  readonly message?: string;
  readonly type?: string;
  readonly code?: number;
  readonly error_subcode?: number;
  readonly error_user_title?: string;
  readonly error_user_msg?: string;
  readonly is_transient?: boolean;
  readonly fbtrace_id?: string;
}

export interface GraphErrorContext {
  readonly network: string;
  readonly operation: ConnectorOperation;
  readonly endpoint: string;
  readonly status: number;
  readonly usage?: GraphUsage;
  /**
   * The call makes a post live (media_publish, threads_publish, /feed, a published photo or video): once sent, a
   * transient error may hide a live post, so it is ambiguous whatever its subcode (3.6, 4.6, 2.6).
   */
  readonly publishes?: boolean;
  /** Seconds from the response's Retry-After header, when it has one. */
  readonly retryAfter?: number;
}

// Throttling: app, user, page, custom and Business-Use-Case limits, application limit (1.2, 1.3).
const THROTTLE_CODES = new Set([
  4, 17, 32, 341, 613, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014,
]);
// Meta's advice when it gives no regain time: wait an hour (1.3, Mixpost practice).
const UNKNOWN_REGAIN_SECONDS = 3600;
const DAY_SECONDS = 86_400;
const TOKEN_SUBCODES: Readonly<Record<number, string>> = {
  458: 'the app was removed from the account',
  459: 'the account is checkpointed; log in on facebook.com first',
  460: 'the password was changed',
  463: 'the token expired',
  464: 'the account is unconfirmed',
  467: 'the token is invalid',
  492: 'the session is invalid (the Page role may have been removed)',
};
// Instagram/Threads publishing subcodes that a new container may cure (3.2).
export const RETRY_SUBCODES: ReadonlySet<number> = new Set([2207001, 2207003, 2207032, 2207053, 2207082]);
const QUOTA_SUBCODES = new Set([2207042]);
// Messaging outside the 24 h window, insights with too few viewers: code 10 that no reconnect cures.
const NOT_PERMISSION_SUBCODES = new Set([2018278, 2018108]);
const CONTENT_SUBCODES: Readonly<Record<number, ValidationIssue['path']>> = {
  1366046: ['media'],
  2207004: ['media'],
  2207005: ['media'],
  2207009: ['media'],
  2207010: ['text'],
  2207026: ['media'],
  2207028: ['media'],
  1609005: ['link'],
  2061006: ['link'],
  1609008: ['link'],
};

/** Meta's error envelope in the SDK's taxonomy: branch on code and subcode, never on the HTTP status alone. */
export function mapGraphError(error: GraphErrorBody, context: GraphErrorContext): ConnectorError {
  const { network, endpoint } = context;
  const code = error.code ?? 0;
  const subcode = error.error_subcode;
  const options = { endpoint };
  const detail = describe(error);
  if (THROTTLE_CODES.has(code) || (code === 9 && subcode !== undefined && QUOTA_SUBCODES.has(subcode))) {
    const regain = context.usage?.regainSeconds ?? 0;
    const seconds =
      regain > 0 ? regain : QUOTA_SUBCODES.has(subcode ?? 0) ? DAY_SECONDS : UNKNOWN_REGAIN_SECONDS;
    return new RateLimitedError(
      `${network} throttled the request (${detail}); nothing was applied.`,
      seconds,
      options,
    );
  }
  if (context.status === 429) {
    // HTTP 429 with a code that is not one of Meta's throttles (a proxy's, an edge's): the request was refused.
    return tooManyRequests(network, detail, context);
  }
  if (subcode !== undefined && QUOTA_SUBCODES.has(subcode)) {
    return new RateLimitedError(`${network} publishing limit reached (${detail}).`, DAY_SECONDS, options);
  }
  if (code === 368) {
    return new RateLimitedError(
      `${network} temporarily blocks this account for policy reasons (${detail}). Check the account on ${network}.`,
      DAY_SECONDS,
      options,
    );
  }
  if (code === 190 || code === 102) {
    const why = (subcode !== undefined ? TOKEN_SUBCODES[subcode] : undefined) ?? 'the token was refused';
    return new ReauthRequiredError(`${network}: ${why} (${detail}). Reconnect the account.`, options);
  }
  if (
    code === 10 &&
    !NOT_PERMISSION_SUBCODES.has(subcode ?? 0) &&
    !/not enough viewers/iu.test(error.message ?? '')
  ) {
    return new ReauthRequiredError(
      `${network}: a permission is missing or was revoked (${detail}). Reconnect the account and grant every permission Chorus asks for.`,
      options,
    );
  }
  if (code >= 200 && code <= 299) {
    return permissionRefused(network, error, detail, options);
  }
  if (code === 506) {
    return new AmbiguousError(
      `${network} refused a duplicate post (${detail}); the same post was probably published already.`,
      options,
    );
  }
  if (
    (subcode !== undefined && RETRY_SUBCODES.has(subcode)) ||
    code === 1 ||
    code === 2 ||
    error.is_transient === true
  ) {
    const message = `${network} had a temporary problem (${detail})`;
    if (context.publishes === true) {
      return new AmbiguousError(
        `${message} on the step that publishes; the post may be live, so Chorus looks for it before publishing again.`,
        options,
      );
    }
    // Elsewhere a publishing subcode (2207001 ...) means a new container may cure it: nothing is live yet.
    return isWriteOperation(context.operation) && subcode === undefined
      ? new AmbiguousError(`${message}; it may have been applied.`, options)
      : new RetriableError(`${message}.`, options);
  }
  if (context.status >= 500) {
    return isWriteOperation(context.operation)
      ? new AmbiguousError(
          `${network} answered HTTP ${context.status} (${detail}); it may have been applied.`,
          options,
        )
      : new RetriableError(`${network} answered HTTP ${context.status} (${detail}).`, options);
  }
  const path = subcode !== undefined ? CONTENT_SUBCODES[subcode] : undefined;
  const issue: ValidationIssue = {
    path: path ?? [],
    code: `meta:${code}${subcode !== undefined ? `/${subcode}` : ''}`,
    message: `${network}: ${error.error_user_msg ?? error.message ?? 'refused'}`,
  };
  return new InvalidContentError(`${network} refused the request (${detail}).`, [issue], options);
}

/**
 * Codes 200-299: a permission is missing or was revoked (1.2 "re-auth or request permission", 1.7 "permission
 * loss via code 10/200"). The reference does not single out refusals about someone else's object, so every one
 * asks the person to reconnect and grant the permission Meta names; if it was granted, the app needs Advanced
 * Access to it (App Review).
 */
function permissionRefused(
  network: string,
  error: GraphErrorBody,
  detail: string,
  options: { readonly endpoint: string },
): ConnectorError {
  const permission = /\b((?:pages|instagram|threads|business|read|publish|ads)_[a-z_]+)\b/u.exec(
    error.message ?? '',
  )?.[1];
  const what = permission ? `the permission ${permission}` : 'a permission for this action';
  return new ReauthRequiredError(
    `${network} refused the action for want of ${what} (${detail}). Reconnect the account and grant ${what}; ` +
      `if it was granted, the account's role must allow it and the Meta app needs Advanced Access to it (App Review).`,
    options,
  );
}

/**
 * HTTP 429 without a throttle code: rate-limited for Retry-After (else the usage headers' regain time, else an
 * hour). On the step that publishes Chorus cannot prove nothing went live, so there it is ambiguous (3.6).
 */
export function tooManyRequests(
  network: string,
  detail: string,
  context: Pick<GraphErrorContext, 'endpoint' | 'publishes' | 'retryAfter' | 'usage'>,
): ConnectorError {
  const options = { endpoint: context.endpoint };
  if (context.publishes === true) {
    return new AmbiguousError(
      `${network} answered HTTP 429 (${detail}) on the step that publishes; the post may be live, so Chorus looks for it before publishing again.`,
      options,
    );
  }
  const regain = context.usage?.regainSeconds ?? 0;
  const seconds = context.retryAfter ?? (regain > 0 ? regain : UNKNOWN_REGAIN_SECONDS);
  return new RateLimitedError(
    `${network} answered HTTP 429 Too Many Requests (${detail}); nothing was applied.`,
    seconds,
    options,
  );
}

/**
 * `{"success": false}` with HTTP 200: Meta did not do what was asked and says no more. Nothing changed, so the
 * request may be sent again; on the step that publishes Chorus still looks before publishing again.
 */
export function notApplied(
  network: string,
  target: string,
  context: { readonly endpoint: string; readonly publishes?: boolean },
): ConnectorError {
  const options = { endpoint: context.endpoint };
  const what = `${network} answered {"success": false} to ${target}`;
  return context.publishes === true
    ? new AmbiguousError(
        `${what} on the step that publishes; Chorus looks for the post before publishing again.`,
        options,
      )
    : new RetriableError(
        `${what}: it was not applied. Chorus retries; if it keeps failing, check the app's access to this account in the Meta App Dashboard.`,
        options,
      );
}

function describe(error: GraphErrorBody): string {
  const parts = [
    error.message ?? 'no message',
    `code ${error.code ?? '?'}`,
    ...(error.error_subcode !== undefined ? [`subcode ${error.error_subcode}`] : []),
    ...(error.fbtrace_id ? [`fbtrace_id ${error.fbtrace_id}`] : []),
  ];
  return parts.join(', ');
}

/**
 * Whether a classified error is Meta's "Unsupported get request. Object ... does not exist" (code 100, subcode
 * 33): the object is gone (or never was). Any other refusal says nothing about the object's existence.
 */
export function isUnknownObject(error: unknown): boolean {
  return error instanceof InvalidContentError && error.issues.some((issue) => issue.code === 'meta:100/33');
}
