import { createHash, randomBytes } from 'node:crypto';
import { stringField, type Exchange } from '../x-fake-http.js';
import type { Route, RouteDeps } from '../x-fake-routing.js';

interface PendingCode {
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly redirectUri: string;
  readonly challenge: string;
  readonly method: string;
  readonly expiresAt: number;
}

// The authorization code must be exchanged within about 30 s (network-apis.md 5.1).
const CODE_TTL_MS = 30_000;
const REFRESH_INVALID = 'Value passed for the token was invalid.';

const oauthError = (exchange: Exchange, status: number, error: string, description: string) =>
  exchange.send(status, { error, error_description: description });

/** OAuth 2.0 Authorization Code with PKCE, rotating single-use refresh tokens, revocation. */
export function oauthRoutes(deps: RouteDeps): Route[] {
  const codes = new Map<string, PendingCode>();
  const { state, config } = deps;

  const token = () => randomBytes(24).toString('base64url');

  /** Confidential clients must authenticate with HTTP Basic on every token call. */
  const clientAuthenticated = (exchange: Exchange): boolean => {
    if (config.clientSecret === null) {
      return stringField(exchange.body, 'client_id') === config.clientId;
    }
    const expected = `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`;
    return exchange.headers.authorization === expected;
  };

  const issue = (exchange: Exchange, userId: string, scopes: readonly string[], family: string) => {
    const accessToken = token();
    state.accessTokens.set(accessToken, {
      userId,
      scopes,
      family,
      selfServeApp: true,
      expiresAt: Date.now() + config.accessTokenSeconds * 1000,
    });
    const refreshToken = scopes.includes('offline.access') ? token() : undefined;
    if (refreshToken) {
      state.refreshTokens.set(refreshToken, { userId, scopes, family, used: false });
    }
    exchange.send(200, {
      token_type: 'bearer',
      expires_in: config.accessTokenSeconds,
      access_token: accessToken,
      scope: scopes.join(' '),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    });
  };

  /** Replaying a used refresh token invalidates the whole token family (forces re-consent). */
  const revokeFamily = (family: string) => {
    for (const [key, value] of state.accessTokens) {
      if (value.family === family) {
        state.accessTokens.delete(key);
      }
    }
    for (const [key, value] of state.refreshTokens) {
      if (value.family === family) {
        state.refreshTokens.delete(key);
      }
    }
  };

  return [
    {
      method: 'GET',
      path: /^\/i\/oauth2\/authorize$/u,
      auth: 'none',
      handle(exchange) {
        const query = exchange.url.searchParams;
        const redirectUri = query.get('redirect_uri');
        const userId = deps.signedInUserId();
        if (query.get('client_id') !== config.clientId || !redirectUri) {
          return exchange.send(400, { error: 'invalid_request', error_description: 'Unknown client_id.' });
        }
        const challenge = query.get('code_challenge');
        const method = query.get('code_challenge_method') ?? 'plain';
        if (query.get('response_type') !== 'code' || !challenge || !['S256', 'plain'].includes(method)) {
          return exchange.send(400, {
            error: 'invalid_request',
            error_description: 'response_type=code and a code_challenge are required.',
          });
        }
        if (!userId) {
          return exchange.send(401, { error: 'access_denied', error_description: 'Nobody is signed in.' });
        }
        const code = token();
        codes.set(code, {
          userId,
          scopes: (query.get('scope') ?? '').split(' ').filter(Boolean),
          redirectUri,
          challenge,
          method,
          expiresAt: Date.now() + CODE_TTL_MS,
        });
        const location = new URL(redirectUri);
        location.searchParams.set('code', code);
        const stateParam = query.get('state');
        if (stateParam !== null) {
          location.searchParams.set('state', stateParam);
        }
        exchange.send(302, undefined, { location: location.toString() });
      },
    },
    {
      method: 'POST',
      path: /^\/2\/oauth2\/token$/u,
      auth: 'none',
      handle(exchange) {
        if (!clientAuthenticated(exchange)) {
          return oauthError(exchange, 401, 'unauthorized_client', 'Missing valid authorization header');
        }
        const grant = stringField(exchange.body, 'grant_type');
        if (grant === 'authorization_code') {
          const code = codes.get(stringField(exchange.body, 'code') ?? '');
          codes.delete(stringField(exchange.body, 'code') ?? '');
          const verifier = stringField(exchange.body, 'code_verifier') ?? '';
          const computed =
            code?.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
          if (
            !code ||
            code.expiresAt < Date.now() ||
            code.redirectUri !== stringField(exchange.body, 'redirect_uri') ||
            computed !== code.challenge
          ) {
            return oauthError(
              exchange,
              400,
              'invalid_request',
              'Value passed for the authorization code was invalid.',
            );
          }
          return issue(exchange, code.userId, code.scopes, token());
        }
        if (grant === 'refresh_token') {
          const presented = stringField(exchange.body, 'refresh_token') ?? '';
          const record = state.refreshTokens.get(presented);
          if (!record) {
            return oauthError(exchange, 400, 'invalid_request', REFRESH_INVALID);
          }
          if (record.used) {
            revokeFamily(record.family);
            return oauthError(exchange, 400, 'invalid_request', REFRESH_INVALID);
          }
          record.used = true;
          return issue(exchange, record.userId, record.scopes, record.family);
        }
        return oauthError(
          exchange,
          400,
          'unsupported_grant_type',
          `grant_type ${grant ?? '(none)'} is not supported.`,
        );
      },
    },
    {
      method: 'POST',
      path: /^\/2\/oauth2\/revoke$/u,
      auth: 'none',
      handle(exchange) {
        if (!clientAuthenticated(exchange)) {
          return oauthError(exchange, 401, 'unauthorized_client', 'Missing valid authorization header');
        }
        const presented = stringField(exchange.body, 'token') ?? '';
        const family =
          state.accessTokens.get(presented)?.family ?? state.refreshTokens.get(presented)?.family;
        if (family) {
          revokeFamily(family);
        }
        exchange.send(200, { revoked: true });
      },
    },
  ];
}
