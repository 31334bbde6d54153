import { ReauthRequiredError, z, type CodeExchange, type Credentials } from '@chorus/connector-sdk';
import {
  exchangeForLongLivedToken,
  refreshDue,
  refreshLongLivedToken,
  type LongToken,
} from '@chorus/meta-graph';
import { INSTAGRAM_LOGIN_REQUIRED_SCOPES } from '../config.js';
import { NETWORK, type InstagramDeps } from '../instagram-deps.js';

/** Instagram Login (3.1): code on api.instagram.com, then a 60-day token from graph.instagram.com. */
export async function exchangeInstagramLogin(
  deps: InstagramDeps,
  request: CodeExchange,
): Promise<Credentials> {
  const { config } = deps;
  const { userId, token, permissions } = await exchangeForLongLivedToken(deps.graphAt('instagram', 'login'), {
    tokenUrl: new URL('/oauth/access_token', config.instagramApiUrl).toString(),
    exchangeGrant: 'ig_exchange_token',
    clientId: config.instagramAppId,
    clientSecret: config.instagramAppSecret,
    code: request.code,
    redirectUri: request.redirectUri,
  });
  requireGranted(permissions);
  // The professional account's id (user_id of /me) is what every later call addresses, not the login's id.
  const me = await deps.graphAt('instagram', 'login', token.access_token).call(
    {
      operation: 'auth.exchange',
      endpoint: 'user.read',
      path: '/me',
      query: { fields: 'user_id,username' },
    },
    z.object({ user_id: z.union([z.string(), z.number()]), username: z.string() }),
  );
  return credentialsOf(deps, String(me.user_id ?? userId), token, permissions);
}

/**
 * The code exchange names the permissions granted (3.1 step 2); one unticked on the consent screen that
 * publishing needs is refused here rather than at the first post. A response without the list (not documented)
 * is not refused: the scopes then stay unknown and a missing permission surfaces on first use (code 10/200).
 */
function requireGranted(permissions: readonly string[] | undefined): void {
  const missing = INSTAGRAM_LOGIN_REQUIRED_SCOPES.filter((scope) => !permissions?.includes(scope));
  if (permissions && missing.length > 0) {
    throw new ReauthRequiredError(
      `${NETWORK} Login did not grant ${missing.join(', ')}; connect again and allow Chorus to publish to the ${NETWORK} account.`,
    );
  }
}

/** Refresh a token at least 24 hours old (3.1); a younger one is kept as it is. */
export async function refreshInstagramLogin(
  deps: InstagramDeps,
  credentials: Credentials,
): Promise<Credentials> {
  const due = refreshDue(
    deps.context.clock,
    { issuedAt: credentials.extra?.issuedAt, expiresAt: credentials.expiresAt },
    NETWORK,
  );
  if (!due) {
    return credentials;
  }
  const token = await refreshLongLivedToken(
    deps.graphAt('instagram', credentials.accountId),
    'ig_refresh_token',
    credentials.accessToken,
  );
  return credentialsOf(deps, credentials.accountId, token, credentials.scopes);
}

function credentialsOf(
  deps: InstagramDeps,
  accountId: string,
  token: LongToken,
  scopes?: readonly string[],
): Credentials {
  const now = deps.context.clock.now().getTime();
  return {
    accountId,
    accessToken: token.access_token,
    expiresAt: new Date(now + token.expires_in * 1000).toISOString(),
    scopes,
    extra: { login: 'instagram', issuedAt: new Date(now).toISOString() },
  };
}
