import { createHash, randomBytes } from 'node:crypto';
import { formBody, oauthError } from '../youtube-fake-http.js';
import type { Route, RouteDeps } from '../youtube-fake-routing.js';

const SEVEN_DAYS_MS = 7 * 86_400_000;
const token = () => `ya29.${randomBytes(24).toString('base64url')}`;

/** Google OAuth 2.0 (network-apis.md 8.1): consent with PKCE, code exchange, refresh, revoke. */
export function oauthRoutes(deps: RouteDeps): Route[] {
  const { state, config } = deps;
  const now = () => deps.now().getTime();

  const mint = (channelId: string, scopes: readonly string[], refreshToken: string) => {
    const access = token();
    state.accessTokens.set(access, {
      channelId,
      clientId: config.clientId,
      scopes,
      expiresAt: now() + config.accessTokenSeconds * 1000,
      refreshToken,
    });
    return access;
  };

  return [
    {
      method: 'GET',
      path: /^\/o\/oauth2\/v2\/auth$/u,
      auth: 'none',
      handle(exchange) {
        const query = exchange.url.searchParams;
        const fail = (message: string) =>
          exchange.sendText(400, `Error 400: invalid_request\n${message}`, 'text/plain');
        if (query.get('client_id') !== config.clientId) {
          return exchange.sendText(
            401,
            'Error 401: invalid_client\nThe OAuth client was not found.',
            'text/plain',
          );
        }
        const redirectUri = query.get('redirect_uri');
        if (!redirectUri || query.get('response_type') !== 'code') {
          return fail('redirect_uri and response_type=code are required.');
        }
        const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
        if (scopes.length === 0) {
          return fail('Missing required parameter: scope');
        }
        const challenge = query.get('code_challenge');
        if (challenge && query.get('code_challenge_method') !== 'S256') {
          return fail('code_challenge_method must be S256.');
        }
        const channelId = deps.signedInChannelId();
        if (!channelId) {
          return fail('Nobody is signed in to approve the request.');
        }
        const code = `4/${randomBytes(18).toString('base64url')}`;
        state.codes.set(code, {
          channelId,
          clientId: config.clientId,
          redirectUri,
          scopes,
          challenge: challenge ?? '',
          expiresAt: now() + 10 * 60_000,
          used: false,
        });
        const target = new URL(redirectUri);
        target.searchParams.set('code', code);
        target.searchParams.set('scope', scopes.join(' '));
        const stateValue = query.get('state');
        if (stateValue !== null) {
          target.searchParams.set('state', stateValue);
        }
        exchange.sendText(302, '', 'text/plain', { location: target.toString() });
      },
    },
    {
      method: 'POST',
      path: /^\/token$/u,
      auth: 'none',
      handle(exchange) {
        const form = formBody(exchange);
        if (form.get('client_id') !== config.clientId || form.get('client_secret') !== config.clientSecret) {
          return oauthError(exchange, 401, 'invalid_client', 'Unauthorized');
        }
        const grant = form.get('grant_type');
        if (grant === 'authorization_code') {
          const record = state.codes.get(form.get('code') ?? '');
          if (!record || record.used || record.expiresAt < now()) {
            return oauthError(exchange, 400, 'invalid_grant', 'Malformed auth code.');
          }
          record.used = true;
          if (record.redirectUri !== form.get('redirect_uri')) {
            return oauthError(exchange, 400, 'redirect_uri_mismatch', 'Bad Request');
          }
          const verifier = form.get('code_verifier') ?? '';
          if (
            record.challenge &&
            createHash('sha256').update(verifier).digest('base64url') !== record.challenge
          ) {
            return oauthError(exchange, 400, 'invalid_grant', 'Invalid code verifier.');
          }
          const refresh = `1//${randomBytes(30).toString('base64url')}`;
          state.refreshTokens.set(refresh, {
            channelId: record.channelId,
            clientId: config.clientId,
            scopes: record.scopes,
            issuedAt: now(),
            revoked: false,
          });
          return exchange.send(200, {
            access_token: mint(record.channelId, record.scopes, refresh),
            expires_in: config.accessTokenSeconds,
            refresh_token: refresh,
            scope: record.scopes.join(' '),
            token_type: 'Bearer',
          });
        }
        if (grant === 'refresh_token') {
          const value = form.get('refresh_token') ?? '';
          const record = state.refreshTokens.get(value);
          const stale = record && config.testingMode && now() - record.issuedAt > SEVEN_DAYS_MS;
          if (!record || record.revoked || stale) {
            return oauthError(exchange, 400, 'invalid_grant', 'Token has been expired or revoked.');
          }
          // Google's refresh answer carries no new refresh token: the old one stays valid.
          return exchange.send(200, {
            access_token: mint(record.channelId, record.scopes, value),
            expires_in: config.accessTokenSeconds,
            scope: record.scopes.join(' '),
            token_type: 'Bearer',
          });
        }
        return oauthError(exchange, 400, 'unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
      },
    },
    {
      method: 'POST',
      path: /^\/revoke$/u,
      auth: 'none',
      handle(exchange) {
        const value = formBody(exchange).get('token') ?? exchange.url.searchParams.get('token') ?? '';
        const known = state.refreshTokens.get(value);
        const refresh = known && !known.revoked ? known : undefined;
        const access = state.accessTokens.get(value);
        if (!refresh && !access) {
          return oauthError(exchange, 400, 'invalid_token', 'Token expired or revoked');
        }
        const family = refresh ? value : access?.refreshToken;
        if (family) {
          const record = state.refreshTokens.get(family);
          if (record) {
            record.revoked = true;
          }
        }
        for (const [key, record] of state.accessTokens) {
          if (key === value || (family && record.refreshToken === family)) {
            state.accessTokens.delete(key);
          }
        }
        exchange.send(200, {});
      },
    },
  ];
}
