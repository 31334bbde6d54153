import {
  ReauthRequiredError,
  RotatingRefresh,
  z,
  type AuthCapability,
  type Credentials,
} from '@chorus/connector-sdk';
import { tokenResponse, userInfo, type TokenResponse } from '../api/tiktok-schemas.js';
import { TIKTOK_SCOPES } from '../config.js';
import { profileUrl, type TikTokDeps } from '../tiktok-deps.js';

const BASIC_FIELDS = 'open_id,union_id,avatar_url,display_name';
// `username` needs user.info.profile: asked for only when granted, so a narrower grant still connects.
const fieldsFor = (scopes: readonly string[] | undefined) =>
  scopes?.includes('user.info.profile') ? `${BASIC_FIELDS},username` : BASIC_FIELDS;

/**
 * Login Kit OAuth 2.0 (network-apis.md 7.1): comma-separated scopes, the client key and secret in the form of
 * every token call, access tokens of hours and refresh tokens that rotate. Lifetimes come from `expires_in`,
 * never from constants (they changed in 2026).
 */
export function createTikTokAuth(deps: TikTokDeps): AuthCapability {
  const { config, api } = deps;
  const refreshing = new RotatingRefresh();
  const client = { client_key: config.clientKey, client_secret: config.clientSecret };

  const toCredentials = (token: TokenResponse, username?: string): Credentials => {
    const now = deps.context.clock.now().getTime();
    return {
      accountId: token.open_id,
      accessToken: token.access_token,
      refreshToken: token.refresh_token,
      expiresAt: new Date(now + token.expires_in * 1000).toISOString(),
      scopes: token.scope
        .split(',')
        .map((scope) => scope.trim())
        .filter(Boolean),
      extra: {
        refreshExpiresAt: new Date(now + token.refresh_expires_in * 1000).toISOString(),
        ...(username ? { handle: username } : {}),
      },
    };
  };

  const whoAmI = async (
    accessToken: string,
    scopes: readonly string[] | undefined,
    operation: 'auth.verify' | 'auth.exchange',
  ) =>
    (
      await api.call(
        {
          operation,
          endpoint: 'user.info',
          method: 'GET',
          path: '/v2/user/info/',
          query: { fields: fieldsFor(scopes) },
          token: accessToken,
        },
        userInfo,
      )
    ).user;

  return {
    oauth2: {
      start(request) {
        const url = new URL('/v2/auth/authorize/', config.authorizeUrl);
        const scopes = request.scopes && request.scopes.length > 0 ? request.scopes : TIKTOK_SCOPES;
        url.search = new URLSearchParams({
          client_key: config.clientKey,
          scope: scopes.join(','),
          response_type: 'code',
          redirect_uri: request.redirectUri,
          state: request.state,
          ...(config.pkce ? { code_challenge: request.codeChallenge, code_challenge_method: 'S256' } : {}),
        }).toString();
        return Promise.resolve({ url: url.toString(), pending: {} });
      },
      async exchange(request) {
        const token = await api.oauth(
          {
            operation: 'auth.exchange',
            endpoint: 'oauth.token',
            path: '/v2/oauth/token/',
            form: new URLSearchParams({
              ...client,
              code: request.code,
              grant_type: 'authorization_code',
              redirect_uri: request.redirectUri,
              ...(config.pkce ? { code_verifier: request.codeVerifier } : {}),
            }),
          },
          tokenResponse,
        );
        const user = await whoAmI(token.access_token, token.scope.split(','), 'auth.exchange');
        return toCredentials(token, user.username);
      },
    },

    refresh(credentials) {
      // The caller decides when a token is due; asked to refresh, we refresh (one at a time per account).
      return refreshing.run(credentials, async () => {
        if (!credentials.refreshToken) {
          throw new ReauthRequiredError('TikTok gave no refresh token for this account: reconnect it.');
        }
        const token = await api.oauth(
          {
            operation: 'auth.refresh',
            endpoint: 'oauth.token',
            path: '/v2/oauth/token/',
            form: new URLSearchParams({
              ...client,
              grant_type: 'refresh_token',
              refresh_token: credentials.refreshToken,
            }),
          },
          tokenResponse,
        );
        return toCredentials(token, credentials.extra?.handle);
      });
    },

    async revoke(credentials) {
      await api.oauth(
        {
          operation: 'auth.revoke',
          endpoint: 'oauth.revoke',
          path: '/v2/oauth/revoke/',
          form: new URLSearchParams({ ...client, token: credentials.accessToken }),
        },
        z.unknown(),
      );
    },

    async verify(credentials) {
      const user = await whoAmI(credentials.accessToken, credentials.scopes, 'auth.verify');
      const handle = user.username ?? credentials.extra?.handle ?? user.display_name ?? user.open_id;
      return {
        accountId: user.open_id,
        handle,
        displayName: user.display_name ?? null,
        url: user.username ? profileUrl(user.username) : null,
        avatarUrl: user.avatar_url ?? null,
      };
    },
  };
}
