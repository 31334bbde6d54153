import { ReauthRequiredError, z, type CodeExchange, type Credentials } from '@chorus/connector-sdk';
import { collectPages, graphPage } from '@chorus/meta-graph';
import { NETWORK, type InstagramDeps } from '../instagram-deps.js';

const token = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() });
const pages = graphPage(
  z.object({
    id: z.string(),
    name: z.string(),
    access_token: z.string().min(1),
    instagram_business_account: z.object({ id: z.string() }).optional(),
  }),
);

/**
 * Facebook Login (1.4, 3.1): the Page linked to the professional account gives the Instagram user id; the Page
 * token (which does not expire by time) publishes and reads, as Postiz does.
 */
export async function exchangeFacebookLogin(
  deps: InstagramDeps,
  request: CodeExchange,
): Promise<Credentials> {
  const { config } = deps;
  if (!config.facebookAppId || !config.facebookAppSecret) {
    throw new ReauthRequiredError(
      'Facebook Login for Instagram is not configured (facebookAppId, facebookAppSecret).',
    );
  }
  const api = deps.graphAt('facebook', 'login');
  const exchange = (query: Record<string, string>) =>
    api.call(
      {
        operation: 'auth.exchange',
        endpoint: 'oauth.token',
        path: '/oauth/access_token',
        anonymous: true,
        query,
      },
      token,
    );
  const short = await exchange({
    client_id: config.facebookAppId,
    client_secret: config.facebookAppSecret,
    redirect_uri: request.redirectUri,
    code: request.code,
  });
  const long = await exchange({
    grant_type: 'fb_exchange_token',
    client_id: config.facebookAppId,
    client_secret: config.facebookAppSecret,
    fb_exchange_token: short.access_token,
  });
  const user = deps.graphAt('facebook', `login:${long.access_token.slice(-12)}`, long.access_token);
  // Every page of /me/accounts (1.5): the linked Page may be past the first.
  const all = await collectPages(
    (after) =>
      user.call(
        {
          operation: 'auth.exchange',
          endpoint: 'accounts.read',
          path: '/me/accounts',
          query: { fields: 'id,name,access_token,instagram_business_account', limit: 100, after },
        },
        pages,
      ),
    { maxPages: 50 },
  );
  const linked = all.find((page) => page.instagram_business_account);
  if (!linked?.instagram_business_account) {
    throw new ReauthRequiredError(
      `None of the Pages of the person who logged in has a linked ${NETWORK} professional account; link one in the Page's settings, or connect with Instagram Login.`,
    );
  }
  return {
    accountId: linked.instagram_business_account.id,
    accessToken: linked.access_token,
    extra: { login: 'facebook', pageId: linked.id, userToken: long.access_token },
  };
}
