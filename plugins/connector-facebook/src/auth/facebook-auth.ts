import {
  InvalidContentError,
  ReauthRequiredError,
  z,
  type AccountProfile,
  type AuthCapability,
} from '@chorus/connector-sdk';
import { collectPages, graphPage, successResponse, type GraphClient } from '@chorus/meta-graph';
import { FACEBOOK_SCOPES, REQUIRED_SCOPES } from '../config.js';
import { NETWORK, type FacebookDeps } from '../facebook-deps.js';

/** Page fields Chorus reads by webhook (2.3): comments and posts, mentions, Messenger. */
export const WEBHOOK_FIELDS = 'feed,mention,messages';
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
        await subscribeWebhooks(deps, chosen.id, chosen.access_token);
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

/**
 * The Page to connect among every Page the person manages (all pages of /me/accounts): the one asked for, or the
 * only one they may publish to. With several and none asked for, the connection is refused with the list, so
 * the person picks one (auth parameter `pageId`) and connects it as its own channel.
 */
async function choosePage(user: GraphClient, wanted: string | undefined) {
  const all = await collectPages(
    (after) =>
      user.call(
        {
          operation: 'auth.exchange',
          endpoint: 'accounts.read',
          path: '/me/accounts',
          query: { fields: 'id,name,access_token,tasks', limit: 100, after },
        },
        pages,
      ),
    { maxPages: 50 },
  );
  const publishable = all.filter((item) => item.tasks.includes('CREATE_CONTENT'));
  if (!wanted && publishable.length > 1) {
    const choices = publishable.map((item) => `${item.name} (${item.id})`).join(', ');
    const message = `The person who logged in manages ${publishable.length} Pages: ${choices}. Choose the Page to connect (pageId) and connect again; each Page is its own channel.`;
    throw new InvalidContentError(message, [
      { path: ['params', 'pageId'], code: 'facebook:choose-page', message },
    ]);
  }
  const chosen = wanted ? all.find((item) => item.id === wanted) : publishable[0];
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

/**
 * Installs the app on the Page (1.6, `pages_manage_metadata`), without which no webhook arrives for it; a
 * `{"success": false}` answer is an error, never a quiet success.
 */
async function subscribeWebhooks(deps: FacebookDeps, pageId: string, pageToken: string): Promise<void> {
  await deps.graphAs(pageId, pageToken).call(
    {
      operation: 'auth.exchange',
      endpoint: 'apps.subscribe',
      method: 'POST',
      path: `/${pageId}/subscribed_apps`,
      form: { subscribed_fields: WEBHOOK_FIELDS },
    },
    successResponse,
  );
}

function profileOf(found: z.output<typeof page>): AccountProfile {
  return {
    accountId: found.id,
    handle: found.username ?? found.name,
    displayName: found.name,
    url: found.link ?? `https://www.facebook.com/${found.id}`,
  };
}
