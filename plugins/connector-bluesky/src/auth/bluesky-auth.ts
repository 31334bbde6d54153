import {
  ReauthRequiredError,
  isConnectorError,
  type AccountProfile,
  type AuthCapability,
  type Credentials,
  type PasswordLogin,
} from '@chorus/connector-sdk';
import type { BlueskyDeps } from '../bluesky-deps.js';
import { profileWebUrl } from '../records/at-uri.js';
import type { GetSessionOutput, ProfileViewDetailed, SessionOutput } from '../xrpc/lexicon.js';
import type { XrpcClient } from '../xrpc/xrpc-client.js';
import { accountOf } from './account-ref.js';
import { credentialsFromSession, jwtClaims, pdsFromDidDocument } from './session-credentials.js';

// The scope of a session opened with the account's own password rather than an app password.
const FULL_ACCESS_SCOPE = 'com.atproto.access';

/**
 * App-password sessions (network-apis.md 11.1). Access tokens are short-lived JWTs and `expiresAt` says when,
 * so the token vault refreshes ahead of time; refresh consumes the refresh token and returns a new pair.
 * createSession is limited to 30 per 5 minutes per account, so the connector never logs in on its own.
 */
export function createBlueskyAuth(deps: BlueskyDeps): AuthCapability {
  return {
    password: { login: (request) => login(deps, request) },

    async refresh(credentials) {
      const account = accountOf(credentials);
      if (!credentials.refreshToken) {
        throw new ReauthRequiredError('The Bluesky session has no refresh token; connect the account again.');
      }
      const session = await deps.service(account.serviceUrl).call<SessionOutput>({
        operation: 'auth.refresh',
        endpoint: 'session.refresh',
        nsid: 'com.atproto.server.refreshSession',
        method: 'POST',
        token: credentials.refreshToken,
      });
      // The account may have moved to another PDS since it was connected.
      const pdsUrl = deps.config.resolvePds
        ? (pdsFromDidDocument(session.didDoc) ?? account.pdsUrl)
        : account.pdsUrl;
      return credentialsFromSession(session, { serviceUrl: account.serviceUrl, pdsUrl });
    },

    async verify(credentials): Promise<AccountProfile> {
      const { xrpc, account } = deps.pds(credentials);
      const session = await xrpc.call<GetSessionOutput>({
        operation: 'auth.verify',
        endpoint: 'session.get',
        nsid: 'com.atproto.server.getSession',
      });
      if (session.active === false || session.did !== account.did) {
        throw new ReauthRequiredError(
          `The Bluesky account is ${session.status ?? 'not active'}; reactivate it, then reconnect.`,
        );
      }
      const profile = await readProfile(deps, xrpc, session.did);
      return {
        accountId: session.did,
        handle: session.handle,
        displayName: profile?.displayName || null,
        url: profileWebUrl(deps.config.webUrl, session.handle),
        avatarUrl: profile?.avatar ?? null,
      };
    },
  };
}

async function login(deps: BlueskyDeps, request: PasswordLogin): Promise<Credentials> {
  const serviceUrl = new URL(request.params?.serviceUrl || deps.config.serviceUrl).origin;
  const service = deps.service(serviceUrl);
  const session = await service.call<SessionOutput>({
    operation: 'auth.login',
    endpoint: 'session.create',
    nsid: 'com.atproto.server.createSession',
    method: 'POST',
    json: { identifier: request.identifier.trim().replace(/^@/u, ''), password: request.password },
  });
  if (session.active === false) {
    throw new ReauthRequiredError(
      `The Bluesky account is ${session.status ?? 'not active'}; reactivate it first.`,
    );
  }
  if (jwtClaims(session.accessJwt).scope === FULL_ACCESS_SCOPE && !deps.config.allowAccountPassword) {
    await endSession(service, session.refreshJwt);
    throw new ReauthRequiredError(
      "That is the account's own password. Create an app password in Bluesky (Settings > Privacy and security > App passwords) and connect with it.",
    );
  }
  const pdsUrl = deps.config.resolvePds ? await pdsOf(service, session) : serviceUrl;
  return credentialsFromSession(session, { serviceUrl, pdsUrl: pdsUrl ?? serviceUrl });
}

// createSession includes the DID document only on some servers; describeRepo always has it.
async function pdsOf(service: XrpcClient, session: SessionOutput): Promise<string | undefined> {
  const fromSession = pdsFromDidDocument(session.didDoc);
  if (fromSession) {
    return fromSession;
  }
  const described = await service.call<{ didDoc?: SessionOutput['didDoc'] }>({
    operation: 'auth.login',
    endpoint: 'repo.describe',
    nsid: 'com.atproto.repo.describeRepo',
    params: { repo: session.did },
  });
  return pdsFromDidDocument(described.didDoc);
}

async function endSession(service: XrpcClient, refreshJwt: string): Promise<void> {
  await service
    .call({
      operation: 'auth.revoke',
      endpoint: 'session.delete',
      nsid: 'com.atproto.server.deleteSession',
      method: 'POST',
      token: refreshJwt,
    })
    .catch(() => undefined);
}

// The profile comes from the AppView, which may not know a brand-new account yet: the session alone suffices.
async function readProfile(
  deps: BlueskyDeps,
  xrpc: XrpcClient,
  did: string,
): Promise<ProfileViewDetailed | undefined> {
  try {
    return await xrpc.call<ProfileViewDetailed>({
      operation: 'auth.verify',
      endpoint: 'profiles.get',
      nsid: 'app.bsky.actor.getProfile',
      params: { actor: did },
    });
  } catch (error) {
    if (isConnectorError(error) && error.kind === 'reauth-required') {
      throw error;
    }
    deps.context.logger.info('Bluesky profile unavailable; verifying with the session alone', { error });
    return undefined;
  }
}
