import { randomBytes } from 'node:crypto';
import { field, httpError, type Exchange } from '../fake-http.js';
import type { Route, RouteDeps } from '../fake-routing.js';

interface PendingCode {
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly redirectUri: string;
  readonly permanent: boolean;
  readonly expiresAt: number;
}

// Reddit codes are single-use and short-lived.
const CODE_TTL_MS = 10 * 60_000;
const KNOWN_SCOPES = new Set([
  'identity',
  'edit',
  'flair',
  'history',
  'modconfig',
  'modflair',
  'modlog',
  'modposts',
  'modwiki',
  'mysubreddits',
  'privatemessages',
  'read',
  'report',
  'save',
  'submit',
  'subscribe',
  'vote',
  'wikiedit',
  'wikiread',
]);

/** Reddit's OAuth 2 code flow (network-apis.md 12.1) on the www host. */
export function oauthRoutes(deps: RouteDeps): Route[] {
  const { state, settings } = deps;
  const codes = new Map<string, PendingCode>();
  const token = () => randomBytes(24).toString('base64url');

  /** Every token call authenticates the app with HTTP Basic client_id:client_secret. */
  const appAuthenticated = (exchange: Exchange) =>
    exchange.headers.authorization ===
    `Basic ${Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString('base64')}`;

  const issue = (
    exchange: Exchange,
    userId: string,
    scopes: readonly string[],
    refreshToken: string | undefined,
  ) => {
    const accessToken = token();
    state.accessTokens.set(accessToken, {
      userId,
      scopes,
      clientId: settings.clientId,
      expiresAt: Date.now() + settings.accessTokenSeconds * 1000,
      refreshToken,
    });
    exchange.send(200, {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: settings.accessTokenSeconds,
      scope: scopes.join(' '),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    });
  };

  return [
    {
      method: 'GET',
      path: /^\/api\/v1\/authorize$/u,
      auth: 'none',
      // A person's browser, not the app: no User-Agent rule.
      outsideApi: true,
      handle(exchange) {
        const query = exchange.url.searchParams;
        const redirectUri = query.get('redirect_uri');
        const scopes = (query.get('scope') ?? '').split(/[\s,]+/u).filter(Boolean);
        const duration = query.get('duration') ?? 'temporary';
        if (query.get('client_id') !== settings.clientId || !redirectUri) {
          return httpError(exchange, 400, 'invalid client id or redirect uri');
        }
        const fail = (error: string) => {
          const target = new URL(redirectUri);
          target.searchParams.set('error', error);
          target.searchParams.set('state', query.get('state') ?? '');
          exchange.send(302, undefined, { location: target.toString() });
        };
        if (query.get('response_type') !== 'code') {
          return fail('unsupported_response_type');
        }
        if (scopes.length === 0 || scopes.some((scope) => !KNOWN_SCOPES.has(scope))) {
          return fail('invalid_scope');
        }
        if (duration !== 'permanent' && duration !== 'temporary') {
          return fail('invalid_request');
        }
        const userId = deps.signedInUserId();
        if (!userId) {
          return fail('access_denied');
        }
        const code = token();
        codes.set(code, {
          userId,
          scopes,
          redirectUri,
          permanent: duration === 'permanent',
          expiresAt: Date.now() + CODE_TTL_MS,
        });
        const target = new URL(redirectUri);
        target.searchParams.set('state', query.get('state') ?? '');
        target.searchParams.set('code', code);
        exchange.send(302, undefined, { location: target.toString() });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/v1\/access_token$/u,
      auth: 'none',
      handle(exchange) {
        if (!appAuthenticated(exchange)) {
          return httpError(exchange, 401, 'Unauthorized');
        }
        const grant = field(exchange.body, 'grant_type');
        if (grant === 'authorization_code') {
          const code = codes.get(field(exchange.body, 'code') ?? '');
          codes.delete(field(exchange.body, 'code') ?? '');
          if (
            !code ||
            code.expiresAt < Date.now() ||
            code.redirectUri !== field(exchange.body, 'redirect_uri')
          ) {
            return exchange.send(400, { error: 'invalid_grant' });
          }
          const refresh = code.permanent ? token() : undefined;
          if (refresh) {
            state.refreshTokens.set(refresh, {
              userId: code.userId,
              scopes: code.scopes,
              clientId: settings.clientId,
            });
          }
          return issue(exchange, code.userId, code.scopes, refresh);
        }
        if (grant === 'refresh_token') {
          const refresh = field(exchange.body, 'refresh_token') ?? '';
          const record = state.refreshTokens.get(refresh);
          if (!record) {
            return exchange.send(400, { error: 'invalid_grant' });
          }
          // The refresh token is permanent: the same one keeps working.
          return issue(exchange, record.userId, record.scopes, refresh);
        }
        return exchange.send(400, { error: 'unsupported_grant_type' });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/v1\/revoke_token$/u,
      auth: 'none',
      handle(exchange) {
        if (!appAuthenticated(exchange)) {
          return httpError(exchange, 401, 'Unauthorized');
        }
        const value = field(exchange.body, 'token') ?? '';
        if (state.refreshTokens.delete(value)) {
          // Revoking the refresh token ends every access token of the grant.
          for (const [key, record] of state.accessTokens) {
            if (record.refreshToken === value) {
              state.accessTokens.delete(key);
            }
          }
        }
        state.accessTokens.delete(value);
        exchange.send(204);
      },
    },
  ];
}
