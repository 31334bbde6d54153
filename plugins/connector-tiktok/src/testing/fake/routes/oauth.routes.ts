import { createHash } from 'node:crypto';
import { oauthError, stringField, type Exchange } from '../fake-http.js';
import type { Route, RouteDeps } from '../fake-routing.js';
import { randomToken } from '../fake-state.js';

export const KNOWN_SCOPES = new Set([
  'user.info.basic',
  'user.info.profile',
  'user.info.stats',
  'video.list',
  'video.upload',
  'video.publish',
]);

interface PendingCode {
  readonly openId: string;
  readonly scopes: readonly string[];
  readonly redirectUri: string;
  readonly challenge: string | null;
  readonly expiresAt: number;
}

const CODE_TTL_MS = 10 * 60_000;

/** Login Kit (network-apis.md 7.1): authorize, token (code and rotating refresh), revoke. */
export function oauthRoutes(deps: RouteDeps): Route[] {
  const codes = new Map<string, PendingCode>();
  const { state, config } = deps;

  const clientAuthenticated = (exchange: Exchange) =>
    stringField(exchange.body, 'client_key') === config.clientKey &&
    stringField(exchange.body, 'client_secret') === config.clientSecret;

  const issue = (exchange: Exchange, openId: string, scopes: readonly string[], family: string) => {
    const now = deps.now();
    const accessToken = `act.${randomToken()}`;
    const refreshToken = `rft.${randomToken()}`;
    state.accessTokens.set(accessToken, {
      openId,
      scopes,
      family,
      expiresAt: now + config.accessTokenSeconds * 1000,
    });
    state.refreshTokens.set(refreshToken, {
      openId,
      scopes,
      family,
      expiresAt: now + config.refreshTokenSeconds * 1000,
    });
    exchange.send(200, {
      open_id: openId,
      scope: scopes.join(','),
      access_token: accessToken,
      expires_in: config.accessTokenSeconds,
      refresh_token: refreshToken,
      refresh_expires_in: config.refreshTokenSeconds,
      token_type: 'Bearer',
    });
  };

  return [
    {
      method: 'GET',
      path: /^\/v2\/auth\/authorize\/$/u,
      auth: 'none',
      handle(exchange) {
        const query = exchange.url.searchParams;
        const redirectUri = query.get('redirect_uri');
        if (query.get('client_key') !== config.clientKey || !redirectUri) {
          return exchange.send(400, {
            error: 'invalid_request',
            error_description: 'Unknown client_key or no redirect_uri.',
          });
        }
        const redirect = new URL(redirectUri);
        const state = query.get('state');
        if (state) {
          redirect.searchParams.set('state', state);
        }
        const scopes = (query.get('scope') ?? '')
          .split(',')
          .map((scope) => scope.trim())
          .filter(Boolean);
        const unknown = scopes.filter((scope) => !KNOWN_SCOPES.has(scope));
        const openId = deps.signedInOpenId();
        if (query.get('response_type') !== 'code' || scopes.length === 0 || unknown.length > 0 || !openId) {
          redirect.searchParams.set('error', openId ? 'invalid_scope' : 'access_denied');
          redirect.searchParams.set(
            'error_description',
            unknown.length > 0 ? `Unknown scopes ${unknown.join(',')}` : 'Refused.',
          );
          return exchange.send(302, undefined, { location: redirect.toString() });
        }
        const method = query.get('code_challenge_method');
        const challenge = query.get('code_challenge');
        if (challenge && method !== 'S256') {
          redirect.searchParams.set('error', 'invalid_request');
          return exchange.send(302, undefined, { location: redirect.toString() });
        }
        const code = randomToken(16);
        codes.set(code, { openId, scopes, redirectUri, challenge, expiresAt: deps.now() + CODE_TTL_MS });
        redirect.searchParams.set('code', code);
        redirect.searchParams.set('scopes', scopes.join(','));
        exchange.send(302, undefined, { location: redirect.toString() });
      },
    },
    {
      method: 'POST',
      path: /^\/v2\/oauth\/token\/$/u,
      auth: 'none',
      handle(exchange) {
        if (!clientAuthenticated(exchange)) {
          return oauthError(exchange, 401, 'invalid_client', 'Client key or secret is invalid.');
        }
        const grant = stringField(exchange.body, 'grant_type');
        if (grant === 'authorization_code') {
          const code = codes.get(stringField(exchange.body, 'code') ?? '');
          codes.delete(stringField(exchange.body, 'code') ?? '');
          if (!code || code.expiresAt < deps.now()) {
            return oauthError(exchange, 400, 'invalid_grant', 'Authorization code is expired or was used.');
          }
          if (stringField(exchange.body, 'redirect_uri') !== code.redirectUri) {
            return oauthError(exchange, 400, 'invalid_grant', 'redirect_uri does not match.');
          }
          if (code.challenge) {
            const verifier = stringField(exchange.body, 'code_verifier') ?? '';
            if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
              return oauthError(exchange, 400, 'invalid_grant', 'code_verifier does not match.');
            }
          }
          return issue(exchange, code.openId, code.scopes, randomToken(8));
        }
        if (grant === 'refresh_token') {
          const value = stringField(exchange.body, 'refresh_token') ?? '';
          const record = state.refreshTokens.get(value);
          if (!record || record.expiresAt < deps.now()) {
            return oauthError(exchange, 400, 'invalid_grant', 'Refresh token is invalid or expired.');
          }
          // Rotation: the old refresh token dies with this exchange (7.1).
          state.refreshTokens.delete(value);
          return issue(exchange, record.openId, record.scopes, record.family);
        }
        oauthError(exchange, 400, 'invalid_request', `Unsupported grant_type ${grant ?? '(none)'}.`);
      },
    },
    {
      method: 'POST',
      path: /^\/v2\/oauth\/revoke\/$/u,
      auth: 'none',
      handle(exchange) {
        if (!clientAuthenticated(exchange)) {
          return oauthError(exchange, 401, 'invalid_client', 'Client key or secret is invalid.');
        }
        const record = state.accessTokens.get(stringField(exchange.body, 'token') ?? '');
        if (record) {
          state.revokeFamily(record.family);
        }
        exchange.send(200, {});
      },
    },
  ];
}
