import { consentRedirect, redeemCode, type PendingCode } from './fake-consent.js';
import { graphError, ok } from './graph-fake-errors.js';
import type { GraphFakeRequest, GraphFakeResponse, GraphFakeRouter } from './fake-router.js';

/** A token of the login Instagram Login and Threads share, as the fake keeps it. */
export interface FakeLoginToken {
  readonly token: string;
  readonly lived: 'short' | 'long';
  readonly subject: string;
  readonly issuedAt: number;
  readonly expiresAt: number | undefined;
  readonly revoked: boolean;
}

export interface FakeCodeLoginOptions {
  readonly appId: string;
  readonly appSecret: string;
  /** `ig` or `th`: the grant types are `<prefix>_exchange_token` and `<prefix>_refresh_token`. */
  readonly grantPrefix: string;
  now(): number;
  /** The person approving the consent screen; undefined shows a login page. */
  consentSubject(): string | undefined;
  /** Permissions the person unticks on the consent screen (none when absent). */
  declined?(): readonly string[];
  issue(
    lived: 'short' | 'long',
    subject: string,
    scopes: readonly string[],
    lifetimeMs: number,
  ): FakeLoginToken;
  find(token: string): (FakeLoginToken & { readonly scopes: readonly string[] }) | undefined;
}

const HOUR_MS = 3_600_000;
const LONG_S = 5_183_944;
const DAY_MS = 86_400_000;

/**
 * The authorization-code login of Instagram Login and Threads (network-apis.md 3.1, 4.1): the consent screen,
 * the code exchange for a 1-hour token, the long-lived 60-day token, and refresh only for long-lived tokens at
 * least 24 hours old and unexpired.
 */
export function registerCodeLoginRoutes(router: GraphFakeRouter, options: FakeCodeLoginOptions): void {
  const codes = new Map<string, PendingCode>();
  router.add('GET', '/oauth/authorize', (request) =>
    consentRedirect(request, options.appId, options.consentSubject(), codes, options.declined?.() ?? []),
  );
  router.add('POST', '/oauth/access_token', (request) => {
    if (request.params.client_id !== options.appId || request.params.client_secret !== options.appSecret) {
      return graphError({ code: 101, message: 'Error validating client secret', type: 'OAuthException' });
    }
    const code =
      request.params.grant_type === 'authorization_code'
        ? redeemCode(codes, request.params.code, request.params.redirect_uri)
        : undefined;
    if (!code) {
      return graphError({
        code: 100,
        subcode: 36009,
        message: 'This authorization code has been used or is invalid',
        type: 'OAuthException',
      });
    }
    const token = options.issue('short', code.subject, code.scopes, HOUR_MS);
    // As Meta sends it: `user_id` a bare JSON number, even past 2^53 (a client must not read it as a double).
    const userId = /^\d+$/u.test(code.subject) ? code.subject : JSON.stringify(code.subject);
    return {
      status: 200,
      contentType: 'application/json; charset=utf-8',
      text: `{"access_token":${JSON.stringify(token.token)},"user_id":${userId},"permissions":${JSON.stringify(code.scopes)}}`,
    };
  });
  router.add('GET', '/access_token', (request) => {
    const short = options.find(request.params.access_token ?? '');
    if (
      request.params.grant_type !== `${options.grantPrefix}_exchange_token` ||
      request.params.client_secret !== options.appSecret ||
      short?.lived !== 'short'
    ) {
      return graphError({
        code: 190,
        message: 'Invalid OAuth access token for the exchange',
        type: 'OAuthException',
      });
    }
    const long = options.issue('long', short.subject, short.scopes, LONG_S * 1000);
    return ok({ access_token: long.token, token_type: 'bearer', expires_in: LONG_S });
  });
  router.add('GET', '/refresh_access_token', (request) => refresh(options, request));
}

function refresh(options: FakeCodeLoginOptions, request: GraphFakeRequest): GraphFakeResponse {
  const current = options.find(request.params.access_token ?? '');
  if (
    request.params.grant_type !== `${options.grantPrefix}_refresh_token` ||
    current?.lived !== 'long' ||
    current.revoked
  ) {
    return graphError({
      code: 190,
      message: 'Invalid OAuth access token for the refresh',
      type: 'OAuthException',
    });
  }
  if ((current.expiresAt ?? Infinity) <= options.now()) {
    return graphError({
      code: 190,
      subcode: 463,
      message: 'Error validating access token: Session has expired',
      type: 'OAuthException',
    });
  }
  if (options.now() - current.issuedAt < DAY_MS) {
    return graphError({
      code: 100,
      message: '(#100) The access token must be at least 24 hours old to be refreshed',
      type: 'OAuthException',
    });
  }
  const renewed = options.issue('long', current.subject, current.scopes, LONG_S * 1000);
  return ok({ access_token: renewed.token, token_type: 'bearer', expires_in: LONG_S });
}
