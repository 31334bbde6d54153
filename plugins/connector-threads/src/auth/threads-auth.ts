import { SharedCalls, z, type AuthCapability, type Credentials } from '@chorus/connector-sdk';
import {
  exchangeForLongLivedToken,
  refreshDue,
  refreshLongLivedToken,
  type LongToken,
} from '@chorus/meta-graph';
import { THREADS_SCOPES } from '../config.js';
import { NETWORK, type ThreadsDeps } from '../threads-deps.js';

const profile = z.object({ id: z.string(), username: z.string().min(1), name: z.string().optional() });

/** Threads login (4.1): code -> 1-hour token -> 60-day token, refreshed once at least 24 hours old. */
export function createThreadsAuth(deps: ThreadsDeps): AuthCapability {
  const { config } = deps;
  const refreshing = new SharedCalls<Credentials>();
  const credentialsOf = (accountId: string, token: LongToken, scopes?: readonly string[]): Credentials => {
    const now = deps.context.clock.now().getTime();
    return {
      accountId,
      accessToken: token.access_token,
      expiresAt: new Date(now + token.expires_in * 1000).toISOString(),
      scopes,
      extra: { issuedAt: new Date(now).toISOString() },
    };
  };
  return {
    oauth2: {
      start(request) {
        const url = new URL('/oauth/authorize', config.authorizeUrl);
        url.search = new URLSearchParams({
          client_id: config.appId,
          redirect_uri: request.redirectUri,
          scope: (request.scopes && request.scopes.length > 0 ? request.scopes : THREADS_SCOPES).join(','),
          response_type: 'code',
          state: request.state,
        }).toString();
        return Promise.resolve({ url: url.toString(), pending: {} });
      },
      async exchange(request) {
        const { userId, token } = await exchangeForLongLivedToken(deps.graphAs('login'), {
          tokenUrl: new URL('/oauth/access_token', config.graphUrl).toString(),
          exchangeGrant: 'th_exchange_token',
          clientId: config.appId,
          clientSecret: config.appSecret,
          code: request.code,
          redirectUri: request.redirectUri,
        });
        return credentialsOf(userId, token);
      },
    },

    refresh(credentials) {
      return refreshing.run(credentials.accountId, async () => {
        if (
          !refreshDue(
            deps.context.clock,
            { issuedAt: credentials.extra?.issuedAt, expiresAt: credentials.expiresAt },
            NETWORK,
          )
        ) {
          return credentials;
        }
        const token = await refreshLongLivedToken(
          deps.graphAs(credentials.accountId),
          'th_refresh_token',
          credentials.accessToken,
        );
        return credentialsOf(credentials.accountId, token, credentials.scopes);
      });
    },

    async verify(credentials) {
      const found = await deps.graph(credentials).call(
        {
          operation: 'auth.verify',
          endpoint: 'user.read',
          path: '/me',
          query: { fields: 'id,username,name' },
        },
        profile,
      );
      return {
        accountId: found.id,
        handle: found.username,
        displayName: found.name ?? null,
        url: `https://www.threads.net/@${found.username}`,
      };
    },
  };
}
