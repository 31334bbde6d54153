import { fail, stringField, type Exchange } from '../pinterest-fake-http.js';
import type { Route, RouteDeps } from '../pinterest-fake-routing.js';

export const KNOWN_SCOPES = new Set([
  'boards:read',
  'boards:write',
  'boards:read_secret',
  'boards:write_secret',
  'pins:read',
  'pins:write',
  'pins:read_secret',
  'pins:write_secret',
  'user_accounts:read',
  'ads:read',
  'ads:write',
]);

/** `Authorization: Basic base64(client_id:client_secret)` on the token endpoint (9.1). */
function clientAuthenticated(exchange: Exchange, deps: RouteDeps): boolean {
  const basic = /^Basic (.+)$/u.exec(exchange.headers.authorization ?? '')?.[1];
  const pair = basic ? Buffer.from(basic, 'base64').toString('utf8') : '';
  return pair === `${deps.config.clientId}:${deps.config.clientSecret}`;
}

/** The authorization page and the token endpoint: codes, access tokens, continuous refresh tokens (9.1). */
export function oauthRoutes(deps: RouteDeps): Route[] {
  const { state, config } = deps;

  const issue = (
    exchange: Exchange,
    grant: 'authorization_code' | 'refresh_token',
    userId: string,
    scopes: readonly string[],
    refresh: string | null,
  ) => {
    const now = Date.now();
    const accessToken = `pina_${state.secret()}`;
    state.accessTokens.set(accessToken, {
      userId,
      scopes,
      expiresAt: now + config.accessTokenSeconds * 1000,
    });
    const body: Record<string, unknown> = {
      access_token: accessToken,
      response_type: grant,
      token_type: 'bearer',
      expires_in: config.accessTokenSeconds,
      scope: scopes.join(','),
    };
    if (!refresh) {
      // A new refresh token: at a code exchange, and at every continuous refresh.
      const renewed = `pinr_${state.secret()}`;
      state.refreshTokens.set(renewed, {
        userId,
        scopes,
        expiresAt: now + config.refreshTokenSeconds * 1000,
        used: false,
      });
      body.refresh_token = renewed;
      body.refresh_token_expires_in = config.refreshTokenSeconds;
    }
    exchange.send(200, body);
  };

  return [
    {
      method: 'GET',
      path: /^\/oauth\/?$/u,
      auth: 'none',
      handle(exchange) {
        const query = exchange.url.searchParams;
        const scopes = (query.get('scope') ?? '').split(',').filter(Boolean);
        const redirectUri = query.get('redirect_uri');
        const userId = deps.signedInUserId();
        if (query.get('client_id') !== config.clientId) {
          return fail(exchange, 400, 'Unknown client_id.');
        }
        if (query.get('response_type') !== 'code' || !redirectUri) {
          return fail(exchange, 400, 'response_type=code and redirect_uri are required.');
        }
        const unknown = scopes.filter((scope) => !KNOWN_SCOPES.has(scope));
        if (scopes.length === 0 || unknown.length > 0) {
          return fail(exchange, 400, `Invalid scope: ${unknown.join(',') || '(none)'}.`);
        }
        if (!userId) {
          return fail(exchange, 400, 'Nobody is signed in to approve the app.');
        }
        const code = state.secret();
        state.codes.set(code, { userId, scopes, redirectUri, expiresAt: Date.now() + 600_000 });
        const target = new URL(redirectUri);
        target.searchParams.set('code', code);
        const given = query.get('state');
        if (given !== null) {
          target.searchParams.set('state', given);
        }
        exchange.send(302, undefined, { location: target.toString() });
      },
    },
    {
      method: 'POST',
      path: /^\/v5\/oauth\/token$/u,
      auth: 'none',
      handle(exchange) {
        if (!clientAuthenticated(exchange, deps)) {
          return fail(exchange, 401, 'Authentication failed: wrong client_id or client_secret.');
        }
        const grant = stringField(exchange.body, 'grant_type');
        if (grant === 'authorization_code') {
          const code = state.codes.get(stringField(exchange.body, 'code') ?? '');
          state.codes.delete(stringField(exchange.body, 'code') ?? '');
          if (!code || code.expiresAt < Date.now()) {
            return fail(exchange, 400, 'Invalid authorization code.');
          }
          if (code.redirectUri !== stringField(exchange.body, 'redirect_uri')) {
            return fail(exchange, 400, 'redirect_uri does not match the authorization request.');
          }
          return issue(exchange, 'authorization_code', code.userId, code.scopes, null);
        }
        if (grant === 'refresh_token') {
          const token = stringField(exchange.body, 'refresh_token') ?? '';
          const record = state.refreshTokens.get(token);
          if (!record || record.used || record.expiresAt < Date.now()) {
            return fail(exchange, 400, 'Invalid refresh token.');
          }
          const continuous =
            config.continuousByDefault || stringField(exchange.body, 'continuous_refresh') === 'true';
          if (!continuous) {
            // Without continuous refresh the refresh token is not renewed and keeps its original expiry.
            return issue(exchange, 'refresh_token', record.userId, record.scopes, token);
          }
          record.used = true;
          return issue(exchange, 'refresh_token', record.userId, record.scopes, null);
        }
        if (grant === 'client_credentials') {
          return fail(exchange, 400, 'client_credentials tokens are not offered by this fake.');
        }
        return fail(exchange, 400, `Unsupported grant_type ${grant ?? '(none)'}.`);
      },
    },
  ];
}
