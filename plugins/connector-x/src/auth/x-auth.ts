import {
  ReauthRequiredError,
  RotatingRefresh,
  z,
  type AuthCapability,
  type Credentials,
} from '@chorus/connector-sdk';
import { tokenResponse, xUser, type TokenResponse } from '../api/x-schemas.js';
import { X_SCOPES } from '../config.js';
import type { XDeps } from '../x-deps.js';
import { subscribeAccount } from './subscribe-account.js';

const me = z.object({ data: xUser });

/**
 * OAuth 2.0 Authorization Code with PKCE (network-apis.md 5.1): 2-hour access tokens, refresh tokens only with
 * offline.access, rotating on every refresh; confidential clients authenticate token calls with HTTP Basic.
 */
export function createXAuth(deps: XDeps): AuthCapability {
  const { config, api } = deps;
  const refreshing = new RotatingRefresh();
  const basic = config.clientSecret ? { user: config.clientId, password: config.clientSecret } : undefined;

  const tokenForm = (fields: Record<string, string>) =>
    new URLSearchParams({ ...fields, client_id: config.clientId });

  const toCredentials = (accountId: string, token: TokenResponse, handle?: string): Credentials => {
    const now = deps.context.clock.now().getTime();
    return {
      accountId,
      accessToken: token.access_token,
      refreshToken: token.refresh_token,
      expiresAt: new Date(now + token.expires_in * 1000).toISOString(),
      scopes: token.scope.split(' ').filter(Boolean),
      ...(handle ? { extra: { handle } } : {}),
    };
  };

  const whoAmI = async (accessToken: string, operation: 'auth.verify' | 'auth.exchange') =>
    (await api.call({ operation, endpoint: 'users.me', path: '/2/users/me', token: accessToken }, me)).data;

  return {
    oauth2: {
      start(request) {
        const url = new URL('/i/oauth2/authorize', config.authorizeUrl);
        url.search = new URLSearchParams({
          response_type: 'code',
          client_id: config.clientId,
          redirect_uri: request.redirectUri,
          scope: (request.scopes && request.scopes.length > 0 ? request.scopes : X_SCOPES).join(' '),
          state: request.state,
          code_challenge: request.codeChallenge,
          code_challenge_method: 'S256',
        }).toString();
        return Promise.resolve({ url: url.toString(), pending: {} });
      },
      async exchange(request) {
        // X wants the code exchanged within about 30 seconds: nothing else happens before this call.
        const token = await api.call(
          {
            operation: 'auth.exchange',
            endpoint: 'oauth2.token',
            method: 'POST',
            path: '/2/oauth2/token',
            basic,
            form: tokenForm({
              grant_type: 'authorization_code',
              code: request.code,
              redirect_uri: request.redirectUri,
              code_verifier: request.codeVerifier,
            }),
          },
          tokenResponse,
        );
        const user = await whoAmI(token.access_token, 'auth.exchange');
        await subscribeAccount(deps, user.id, token.access_token);
        return toCredentials(user.id, token, user.username);
      },
    },

    refresh(credentials) {
      // The caller (the gateway's sweep) decides when a token is due: a second, smaller margin here once handed
      // back unchanged credentials that then expired. Asked to refresh, we refresh.
      return refreshing.run(credentials, async () => {
        if (!credentials.refreshToken) {
          throw new ReauthRequiredError(
            'X issued no refresh token (the offline.access scope was not granted): reconnect the account.',
          );
        }
        const token = await api.call(
          {
            operation: 'auth.refresh',
            endpoint: 'oauth2.token',
            method: 'POST',
            path: '/2/oauth2/token',
            basic,
            form: tokenForm({ grant_type: 'refresh_token', refresh_token: credentials.refreshToken }),
          },
          tokenResponse,
        );
        return toCredentials(credentials.accountId, token, credentials.extra?.handle);
      });
    },

    async revoke(credentials) {
      for (const [value, hint] of [
        [credentials.refreshToken, 'refresh_token'],
        [credentials.accessToken, 'access_token'],
      ] as const) {
        if (!value) {
          continue;
        }
        await api.call(
          {
            operation: 'auth.revoke',
            endpoint: 'oauth2.revoke',
            method: 'POST',
            path: '/2/oauth2/revoke',
            basic,
            form: tokenForm({ token: value, token_type_hint: hint }),
          },
          z.object({ revoked: z.boolean().optional() }),
        );
      }
    },

    async verify(credentials) {
      const user = await whoAmI(credentials.accessToken, 'auth.verify');
      return {
        accountId: user.id,
        handle: user.username,
        displayName: user.name ?? null,
        url: `https://x.com/${user.username}`,
      };
    },
  };
}
