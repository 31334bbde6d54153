import {
  ReauthRequiredError,
  z,
  type AuthCapability,
  type ConnectorOperation,
  type Credentials,
  SharedCalls,
} from '@chorus/connector-sdk';
import { me, tokenResponse, type TokenResponse } from '../api/reddit-schemas.js';
import { REDDIT_SCOPES } from '../config.js';
import type { RedditDeps } from '../reddit-deps.js';

// Reddit may answer a refused grant with HTTP 200 and an `error` field instead of a token.
const tokenOrError = z.union([tokenResponse, z.object({ error: z.union([z.string(), z.number()]) })]);

/**
 * Reddit's OAuth 2 code flow (network-apis.md 12.1): `duration=permanent` for a refresh token, HTTP Basic
 * client authentication on the token endpoint, 1-hour access tokens, a refresh token that stays the same.
 */
export function createRedditAuth(deps: RedditDeps): AuthCapability {
  const { config, api } = deps;
  const refreshing = new SharedCalls<Credentials>();
  const basic = { user: config.clientId, password: config.clientSecret };

  const token = async (
    operation: ConnectorOperation,
    form: Record<string, string>,
  ): Promise<TokenResponse> => {
    const answer = await api.call(
      {
        operation,
        endpoint: 'oauth.token',
        method: 'POST',
        host: 'auth',
        path: '/api/v1/access_token',
        basic,
        form,
      },
      tokenOrError,
    );
    if ('error' in answer) {
      throw new ReauthRequiredError(
        `Reddit refused the authorization (${String(answer.error)}): reconnect the account.`,
        { endpoint: 'oauth.token' },
      );
    }
    return answer;
  };

  const whoAmI = (accessToken: string, operation: ConnectorOperation) =>
    api.call(
      { operation, endpoint: 'account.me', path: '/api/v1/me', credentials: { accountId: '', accessToken } },
      me,
    );

  const toCredentials = (
    accountId: string,
    answer: TokenResponse,
    username: string,
    previousRefresh?: string,
  ): Credentials => ({
    accountId,
    accessToken: answer.access_token,
    // The refresh token is permanent and may be left out of a refresh answer: the one we have stays valid.
    refreshToken: answer.refresh_token ?? previousRefresh,
    expiresAt: new Date(deps.context.clock.now().getTime() + answer.expires_in * 1000).toISOString(),
    scopes: answer.scope.split(/[\s,]+/u).filter(Boolean),
    extra: { username },
  });

  return {
    oauth2: {
      start(request) {
        const url = new URL('/api/v1/authorize', config.authUrl);
        url.search = new URLSearchParams({
          client_id: config.clientId,
          response_type: 'code',
          state: request.state,
          redirect_uri: request.redirectUri,
          duration: 'permanent',
          scope: (request.scopes && request.scopes.length > 0 ? request.scopes : REDDIT_SCOPES).join(' '),
        }).toString();
        return Promise.resolve({ url: url.toString(), pending: {} });
      },
      async exchange(request) {
        const answer = await token('auth.exchange', {
          grant_type: 'authorization_code',
          code: request.code,
          redirect_uri: request.redirectUri,
        });
        if (!answer.refresh_token) {
          throw new ReauthRequiredError(
            'Reddit issued no refresh token (the authorization was not permanent): connect the account again.',
          );
        }
        const user = await whoAmI(answer.access_token, 'auth.exchange');
        return toCredentials(`t2_${user.id}`, answer, user.name);
      },
    },

    refresh(credentials) {
      // One refresh at a time per account: two workers finding the token due get one new token, not two.
      return refreshing.run(credentials.accountId, async () => {
        if (!credentials.refreshToken) {
          throw new ReauthRequiredError(
            'These Reddit credentials have no refresh token: reconnect the account.',
          );
        }
        const answer = await token('auth.refresh', {
          grant_type: 'refresh_token',
          refresh_token: credentials.refreshToken,
        });
        const username =
          credentials.extra?.username ?? (await whoAmI(answer.access_token, 'auth.refresh')).name;
        return toCredentials(credentials.accountId, answer, username, credentials.refreshToken);
      });
    },

    async revoke(credentials) {
      // Revoking the refresh token ends the whole grant; the access token goes too.
      for (const [value, hint] of [
        [credentials.refreshToken, 'refresh_token'],
        [credentials.accessToken, 'access_token'],
      ] as const) {
        if (value) {
          await api.call(
            {
              operation: 'auth.revoke',
              endpoint: 'oauth.revoke',
              method: 'POST',
              host: 'auth',
              path: '/api/v1/revoke_token',
              basic,
              form: { token: value, token_type_hint: hint },
            },
            z.unknown(),
          );
        }
      }
    },

    async verify(credentials) {
      const user = await whoAmI(credentials.accessToken, 'auth.verify');
      return {
        accountId: `t2_${user.id}`,
        handle: user.name,
        displayName: user.subreddit?.display_name_prefixed ?? `u/${user.name}`,
        url: `https://www.reddit.com/user/${user.name}`,
        avatarUrl: user.icon_img ?? null,
      };
    },
  };
}
