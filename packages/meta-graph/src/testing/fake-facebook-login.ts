import { consentRedirect, redeemCode, type PendingCode } from './fake-consent.js';
import { graphError, ok } from './graph-fake-errors.js';
import type { GraphFakeRouter } from './fake-router.js';

export interface FakeFacebookLoginOptions {
  readonly appId: string;
  readonly appSecret: string;
  /** The Facebook user approving the dialog; undefined shows a login page. */
  consentSubject(): string | undefined;
  /** Permissions the person declines on the consent screen. */
  declined(): readonly string[];
  issueUserToken(userId: string, scopes: readonly string[], lifetimeMs: number): string;
  /** A user token that still works, or undefined. */
  findUserToken(token: string): { readonly userId: string; readonly scopes: readonly string[] } | undefined;
}

const HOUR_MS = 3_600_000;
const LONG_S = 5_183_944;

/**
 * Facebook Login (network-apis.md 1.4): the dialog, the code exchange for a short-lived user token and
 * `fb_exchange_token` for a 60-day one. The Page-level routes (/me/accounts, permissions) stay with each fake.
 */
export function registerFacebookLoginRoutes(
  router: GraphFakeRouter,
  options: FakeFacebookLoginOptions,
): void {
  const codes = new Map<string, PendingCode>();
  router.add('GET', '/dialog/oauth', (request) =>
    consentRedirect(request, options.appId, options.consentSubject(), codes, options.declined()),
  );
  router.add('GET', '/oauth/access_token', (request) => {
    const params = request.params;
    if (params.client_id !== options.appId || params.client_secret !== options.appSecret) {
      return graphError({ code: 1, message: 'Error validating client secret.', type: 'OAuthException' });
    }
    if (params.grant_type === 'fb_exchange_token') {
      const short = options.findUserToken(params.fb_exchange_token ?? '');
      if (!short) {
        return graphError({
          code: 190,
          subcode: 467,
          message: 'Error validating access token: The session is invalid.',
        });
      }
      return ok({
        access_token: options.issueUserToken(short.userId, short.scopes, LONG_S * 1000),
        token_type: 'bearer',
        expires_in: LONG_S,
      });
    }
    const code = redeemCode(codes, params.code, params.redirect_uri);
    if (!code) {
      return graphError({
        code: 100,
        subcode: 36009,
        message: 'This authorization code has been used or does not match the redirect_uri.',
        type: 'OAuthException',
      });
    }
    return ok({
      access_token: options.issueUserToken(code.subject, code.scopes, HOUR_MS),
      token_type: 'bearer',
      expires_in: HOUR_MS / 1000,
    });
  });
}
