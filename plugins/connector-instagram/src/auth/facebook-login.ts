import { ReauthRequiredError, z, type CodeExchange, type Credentials } from '@chorus/connector-sdk';
import {
  choosePage,
  listManagedPages,
  requireGrantedPermissions,
  type GraphClient,
  type ManagedPage,
} from '@chorus/meta-graph';
import { FACEBOOK_LOGIN_REQUIRED_SCOPES } from '../config.js';
import { NETWORK, type InstagramDeps } from '../instagram-deps.js';

const token = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() });

/**
 * Facebook Login (1.4, 3.1): the Page linked to the professional account gives the Instagram user id; the Page
 * token (which does not expire by time) publishes and reads, as Postiz does. The granted permissions are checked
 * (`/me/permissions`) and the Page chosen as the Facebook connector chooses it: the one asked for, or the only
 * one the person may publish to; several are refused with the list, so an agency never connects one client's
 * account in place of another's.
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
  const granted = await requireGrantedPermissions(
    user,
    FACEBOOK_LOGIN_REQUIRED_SCOPES,
    (missing) =>
      `Facebook Login did not grant ${missing.join(', ')}; connect again and allow Chorus to publish to the ${NETWORK} account${
        missing.includes('pages_manage_metadata')
          ? ' and to install itself on the linked Page (pages_manage_metadata: without it no webhook arrives)'
          : ''
      }.`,
  );
  const linked = await chooseLinkedPage(user, request.pending);
  return {
    accountId: linked.instagram_business_account!.id,
    accessToken: linked.access_token,
    scopes: granted,
    extra: { login: 'facebook', pageId: linked.id, userToken: long.access_token },
  };
}

async function chooseLinkedPage(
  user: GraphClient,
  pending: Readonly<Record<string, string>>,
): Promise<ManagedPage> {
  const byAccount = pending.instagramAccountId;
  const wanted = byAccount ?? pending.pageId;
  return choosePage(await listManagedPages(user, true), {
    wanted,
    isWanted: (page, id) => (byAccount ? page.instagram_business_account?.id === id : page.id === id),
    eligible: (page) => page.instagram_business_account !== undefined,
    describe: (page) =>
      `${NETWORK} account ${page.instagram_business_account?.id ?? '?'} (Page ${page.name}, ${page.id})`,
    param: 'instagramAccountId',
    issueCode: 'instagram:choose-account',
    messages: {
      several: (count, choices) =>
        `The person who logged in manages ${count} Pages with a linked ${NETWORK} account: ${choices}. Choose the account to connect (instagramAccountId, or the Page's pageId) and connect again; each account is its own channel.`,
      notFound: (id) =>
        byAccount
          ? `The person who logged in manages no Page linked to ${NETWORK} account ${id}; log in with an account that has a role on that Page.`
          : `The person who logged in manages no Page ${id} with a linked ${NETWORK} account; log in with an account that has a role on it.`,
      none: `None of the Pages the person who logged in may publish to (CREATE_CONTENT task) has a linked ${NETWORK} professional account; link one in the Page's settings, or connect with Instagram Login.`,
    },
  });
}
