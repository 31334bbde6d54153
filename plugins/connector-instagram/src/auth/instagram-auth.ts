import { SharedCalls, z, type AuthCapability, type Credentials } from '@chorus/connector-sdk';
import { FACEBOOK_LOGIN_SCOPES, INSTAGRAM_LOGIN_SCOPES, LOGINS } from '../config.js';
import { loginOf, type InstagramDeps } from '../instagram-deps.js';
import { exchangeFacebookLogin } from './facebook-login.js';
import { exchangeInstagramLogin, refreshInstagramLogin } from './instagram-login.js';
import { subscribeWebhooks } from './subscribe-webhooks.js';

const profile = z.object({
  id: z.string().optional(),
  user_id: z.union([z.string(), z.number()]).optional(),
  username: z.string().min(1),
  name: z.string().optional(),
});

/** Both logins (ADR 0009): the `login` parameter chooses, the credentials remember. */
export function createInstagramAuth(deps: InstagramDeps): AuthCapability {
  const { config } = deps;
  const refreshing = new SharedCalls<Credentials>();
  return {
    oauth2: {
      start(request) {
        const wanted = request.params?.login;
        const login = LOGINS.find((item) => item === wanted) ?? config.defaultLogin;
        const url =
          login === 'instagram'
            ? new URL('/oauth/authorize', config.instagramAuthorizeUrl)
            : new URL(`/${config.apiVersion}/dialog/oauth`, config.facebookDialogUrl);
        const scopes = login === 'instagram' ? INSTAGRAM_LOGIN_SCOPES : FACEBOOK_LOGIN_SCOPES;
        url.search = new URLSearchParams({
          client_id: login === 'instagram' ? config.instagramAppId : (config.facebookAppId ?? ''),
          redirect_uri: request.redirectUri,
          response_type: 'code',
          scope: scopes.join(','),
          state: request.state,
        }).toString();
        // Facebook Login: which linked account to connect, when the person manages several (B1, ADR 0009).
        const { instagramAccountId, pageId } = request.params ?? {};
        const pending: Record<string, string> = {
          login,
          ...(instagramAccountId ? { instagramAccountId } : {}),
          ...(pageId ? { pageId } : {}),
        };
        return Promise.resolve({ url: url.toString(), pending });
      },
      async exchange(request) {
        const credentials =
          request.pending.login === 'facebook'
            ? await exchangeFacebookLogin(deps, request)
            : await exchangeInstagramLogin(deps, request);
        await subscribeWebhooks(deps, credentials);
        return credentials;
      },
    },

    refresh(credentials) {
      if (loginOf(credentials) === 'facebook') {
        return Promise.resolve(credentials); // Page tokens do not expire by time
      }
      return refreshing.run(credentials.accountId, () => refreshInstagramLogin(deps, credentials));
    },

    async verify(credentials) {
      const instagram = loginOf(credentials) === 'instagram';
      const found = await deps.graph(credentials).call(
        {
          operation: 'auth.verify',
          endpoint: 'user.read',
          path: instagram ? '/me' : `/${credentials.accountId}`,
          query: { fields: instagram ? 'user_id,username,name' : 'id,username,name' },
        },
        profile,
      );
      return {
        accountId: String(found.user_id ?? found.id ?? credentials.accountId),
        handle: found.username,
        displayName: found.name ?? null,
        url: `https://www.instagram.com/${found.username}`,
      };
    },
  };
}
