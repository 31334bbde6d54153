import { ReauthRequiredError, z, type AccountProfile, type AuthCapability } from '@chorus/connector-sdk';
import { graphPage, type GraphClient } from '@chorus/meta-graph';
import { FACEBOOK_SCOPES, REQUIRED_SCOPES } from '../config.js';
import { NETWORK, type FacebookDeps } from '../facebook-deps.js';

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() });
const permissions = graphPage(z.object({ permission: z.string(), status: z.string() }));
const pages = graphPage(
  z.object({
    id: z.string(),
    name: z.string(),
    access_token: z.string().min(1),
    tasks: z.array(z.string()).default([]),
  }),
);
const page = z.object({
  id: z.string(),
  name: z.string(),
  link: z.string().optional(),
  username: z.string().optional(),
});

/**
 * Facebook Login (network-apis.md 1.4, 2.1): code -> short-lived user token -> long-lived user token (~60 days)
 * -> the Page's token, which does not expire by time. There is no refresh token: a Page token dies only on a
 * password change, a lost role or a revoked permission, and then the person reconnects.
 */
export function createFacebookAuth(deps: FacebookDeps): AuthCapability {
  const { config } = deps;
  const anonymous = deps.graphAs('oauth');
  return {
    oauth2: {
      start(request) {
        const url = new URL(`/${config.apiVersion}/dialog/oauth`, config.dialogUrl);
        const scopes = request.scopes && request.scopes.length > 0 ? request.scopes : FACEBOOK_SCOPES;
        url.search = new URLSearchParams({
          client_id: config.appId,
          redirect_uri: request.redirectUri,
          state: request.state,
          response_type: 'code',
          scope: scopes.join(','),
        }).toString();
        const pageId = request.params?.pageId;
        const pending: Record<string, string> = pageId ? { pageId } : {};
        return Promise.resolve({ url: url.toString(), pending });
      },

      async exchange(request) {
        const short = await anonymous.call(
          {
            operation: 'auth.exchange',
            endpoint: 'oauth.token',
            path: '/oauth/access_token',
            anonymous: true,
            query: {
              client_id: config.appId,
              client_secret: config.appSecret,
              redirect_uri: request.redirectUri,
              code: request.code,
            },
          },
          tokenResponse,
        );
        const long = await anonymous.call(
          {
            operation: 'auth.exchange',
            endpoint: 'oauth.token',
            path: '/oauth/access_token',
            anonymous: true,
            query: {
              grant_type: 'fb_exchange_token',
              client_id: config.appId,
              client_secret: config.appSecret,
              fb_exchange_token: short.access_token,
            },
          },
          tokenResponse,
        );
        // Keyed by the token: one person's spent budget must not hold another person's login.
        const user = deps.graphAs(`login:${long.access_token.slice(-12)}`, long.access_token);
        const granted = await grantedScopes(user);
        const missing = REQUIRED_SCOPES.filter((scope) => !granted.includes(scope));
        if (missing.length > 0) {
          throw new ReauthRequiredError(
            `${NETWORK} Login did not grant ${missing.join(', ')}; connect again and allow Chorus to manage the Page's posts.`,
          );
        }
        const chosen = await choosePage(user, request.pending.pageId);
        const userTokenExpiresAt =
          long.expires_in !== undefined
            ? new Date(deps.context.clock.now().getTime() + long.expires_in * 1000).toISOString()
            : '';
        return {
          accountId: chosen.id,
          accessToken: chosen.access_token,
          scopes: granted,
          extra: { userToken: long.access_token, userTokenExpiresAt, pageName: chosen.name },
        };
      },
    },

    async verify(credentials) {
      const found = await deps.graph(credentials).call(
        {
          operation: 'auth.verify',
          endpoint: 'page.read',
          path: `/${credentials.accountId}`,
          query: { fields: 'id,name,link,username' },
        },
        page,
      );
      return profileOf(found);
    },
  };
}

async function grantedScopes(user: GraphClient): Promise<string[]> {
  const answer = await user.call(
    { operation: 'auth.exchange', endpoint: 'permissions.read', path: '/me/permissions' },
    permissions,
  );
  return answer.data.filter((item) => item.status === 'granted').map((item) => item.permission);
}

async function choosePage(user: GraphClient, wanted: string | undefined) {
  const answer = await user.call(
    {
      operation: 'auth.exchange',
      endpoint: 'accounts.read',
      path: '/me/accounts',
      query: { fields: 'id,name,access_token,tasks', limit: 100 },
    },
    pages,
  );
  const publishable = answer.data.filter((item) => item.tasks.includes('CREATE_CONTENT'));
  const chosen = wanted ? answer.data.find((item) => item.id === wanted) : publishable[0];
  if (!chosen) {
    throw new ReauthRequiredError(
      wanted
        ? `The person who logged in does not manage Page ${wanted}; log in with an account that has a role on it.`
        : `The person who logged in manages no Page they may publish to; ask for a role with the CREATE_CONTENT task.`,
    );
  }
  if (!chosen.tasks.includes('CREATE_CONTENT')) {
    throw new ReauthRequiredError(
      `The role on Page ${chosen.name} does not allow publishing (CREATE_CONTENT task).`,
    );
  }
  return chosen;
}

function profileOf(found: z.output<typeof page>): AccountProfile {
  return {
    accountId: found.id,
    handle: found.username ?? found.name,
    displayName: found.name,
    url: found.link ?? `https://www.facebook.com/${found.id}`,
  };
}
