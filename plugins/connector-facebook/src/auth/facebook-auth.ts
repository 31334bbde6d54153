import { z, type AccountProfile, type AuthCapability } from '@chorus/connector-sdk';
import {
  choosePage,
  listManagedPages,
  requireGrantedPermissions,
  successResponse,
  type GraphClient,
  type ManagedPage,
} from '@chorus/meta-graph';
import { FACEBOOK_SCOPES, REQUIRED_SCOPES } from '../config.js';
import { NETWORK, type FacebookDeps } from '../facebook-deps.js';

/** Page fields Chorus reads by webhook (2.3): comments and posts, mentions, Messenger. */
export const WEBHOOK_FIELDS = 'feed,mention,messages';
const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() });
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
        const granted = await requireGrantedPermissions(
          user,
          REQUIRED_SCOPES,
          (missing) =>
            `${NETWORK} Login did not grant ${missing.join(', ')}; connect again and allow Chorus to manage the Page's posts${metadataWhy(missing)}.`,
        );
        const chosen = await chooseFacebookPage(user, request.pending.pageId);
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

/**
 * The Page to connect among every Page the person manages: the one asked for (auth parameter `pageId`), or the
 * only one they may publish to; with several, refused with the list so the person picks one (each Page is its
 * own channel).
 */
async function chooseFacebookPage(user: GraphClient, wanted: string | undefined): Promise<ManagedPage> {
  return choosePage(await listManagedPages(user, false), {
    wanted,
    isWanted: (item, id) => item.id === id,
    eligible: () => true,
    describe: (item) => `${item.name} (${item.id})`,
    param: 'pageId',
    issueCode: 'facebook:choose-page',
    messages: {
      several: (count, choices) =>
        `The person who logged in manages ${count} Pages: ${choices}. Choose the Page to connect (pageId) and connect again; each Page is its own channel.`,
      notFound: (id) =>
        `The person who logged in does not manage Page ${id}; log in with an account that has a role on it.`,
      none: 'The person who logged in manages no Page they may publish to; ask for a role with the CREATE_CONTENT task.',
    },
  });
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

/** Why pages_manage_metadata is asked for, when it is the one declined: it does not sound like publishing. */
function metadataWhy(missing: readonly string[]): string {
  return missing.includes('pages_manage_metadata')
    ? ' and to install itself on the Page (pages_manage_metadata: without it no comment or message arrives by webhook)'
    : '';
}

function profileOf(found: z.output<typeof page>): AccountProfile {
  return {
    accountId: found.id,
    handle: found.username ?? found.name,
    displayName: found.name,
    url: found.link ?? `https://www.facebook.com/${found.id}`,
  };
}
