import {
  ReauthRequiredError,
  RotatingRefresh,
  type AuthCapability,
  type Credentials,
} from '@chorus/connector-sdk';
import { tokenResponse, userAccount, type TokenResponse } from '../api/pinterest-schemas.js';
import { PINTEREST_SCOPES } from '../config.js';
import type { PinterestDeps } from '../pinterest-deps.js';

/** Where the refresh token's own expiry is kept in Credentials.extra. */
export const REFRESH_EXPIRES_AT = 'refreshTokenExpiresAt';

/**
 * OAuth 2 authorization code (network-apis.md 9.1): the token endpoint takes HTTP Basic client_id:client_secret;
 * access tokens live about 30 days, continuous refresh tokens 60 days and are renewed on every refresh.
 */
export function createPinterestAuth(deps: PinterestDeps): AuthCapability {
  const { config, api } = deps;
  const refreshing = new RotatingRefresh();
  const basic = { user: config.clientId, password: config.clientSecret };
  const now = () => deps.context.clock.now().getTime();

  const token = (operation: 'auth.exchange' | 'auth.refresh', form: Record<string, string>) =>
    api.call(
      {
        operation,
        endpoint: 'oauth.token',
        method: 'POST',
        path: '/v5/oauth/token',
        basic,
        form: new URLSearchParams(form),
      },
      tokenResponse,
    );

  const toCredentials = (accountId: string, answer: TokenResponse, previous?: Credentials): Credentials => {
    const refreshToken = answer.refresh_token ?? previous?.refreshToken;
    const refreshExpiresAt = answer.refresh_token_expires_in
      ? new Date(now() + answer.refresh_token_expires_in * 1000).toISOString()
      : previous?.extra?.[REFRESH_EXPIRES_AT];
    const scopes = answer.scope.split(/[\s,]+/u).filter(Boolean);
    return {
      accountId,
      accessToken: answer.access_token,
      ...(refreshToken ? { refreshToken } : {}),
      expiresAt: new Date(now() + answer.expires_in * 1000).toISOString(),
      scopes: scopes.length > 0 ? scopes : previous?.scopes,
      extra: {
        ...previous?.extra,
        ...(refreshExpiresAt ? { [REFRESH_EXPIRES_AT]: refreshExpiresAt } : {}),
      },
    };
  };

  const whoAmI = (accessToken: string, operation: 'auth.verify' | 'auth.exchange') =>
    api.call(
      { operation, endpoint: 'user_account', path: '/v5/user_account', token: accessToken },
      userAccount,
    );

  return {
    oauth2: {
      start(request) {
        const url = new URL('/oauth/', config.authorizeUrl);
        url.search = new URLSearchParams({
          client_id: config.clientId,
          redirect_uri: request.redirectUri,
          response_type: 'code',
          // Pinterest separates scopes with commas.
          scope: (request.scopes && request.scopes.length > 0 ? request.scopes : PINTEREST_SCOPES).join(','),
          state: request.state,
        }).toString();
        return Promise.resolve({ url: url.toString(), pending: {} });
      },
      async exchange(request) {
        const answer = await token('auth.exchange', {
          grant_type: 'authorization_code',
          code: request.code,
          redirect_uri: request.redirectUri,
        });
        const account = await whoAmI(answer.access_token, 'auth.exchange');
        const credentials = toCredentials(account.id ?? account.username, answer);
        return { ...credentials, extra: { ...credentials.extra, username: account.username } };
      },
    },

    refresh(credentials) {
      return refreshing.run(credentials, async () => {
        if (!credentials.refreshToken) {
          throw new ReauthRequiredError('Pinterest issued no refresh token for this account: reconnect it.');
        }
        const expiry = credentials.extra?.[REFRESH_EXPIRES_AT];
        if (expiry && Date.parse(expiry) <= now()) {
          throw new ReauthRequiredError(
            `The Pinterest refresh token expired on ${expiry} (it lasts 60 days unless used): reconnect the account.`,
          );
        }
        const answer = await token('auth.refresh', {
          grant_type: 'refresh_token',
          refresh_token: credentials.refreshToken,
          ...(config.continuousRefresh ? { continuous_refresh: 'true' } : {}),
        });
        return toCredentials(credentials.accountId, answer, credentials);
      });
    },

    async verify(credentials) {
      const account = await whoAmI(credentials.accessToken, 'auth.verify');
      return {
        accountId: account.id ?? account.username,
        handle: account.username,
        displayName: account.business_name ?? account.username,
        url: `https://www.pinterest.com/${account.username}/`,
        avatarUrl: account.profile_image ?? null,
      };
    },
  };
}
