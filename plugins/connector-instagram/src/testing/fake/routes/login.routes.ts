import {
  graphError,
  ok,
  page,
  registerCodeLoginRoutes,
  registerFacebookLoginRoutes as registerSharedFacebookLogin,
} from '@chorus/meta-graph/testing';
import type { TokenRecord } from '../instagram-state.js';
import { authorize, isResponse, type Register } from '../route-deps.js';

/** Instagram Login (3.1) on the instagram.com, api.instagram.com and graph.instagram.com hosts. */
export const registerInstagramLoginRoutes: Register = (router, deps) => {
  const { state, config } = deps;
  const view = (record: TokenRecord | undefined) =>
    record && record.kind.startsWith('ig')
      ? {
          token: record.token,
          lived: record.kind === 'ig-short' ? ('short' as const) : ('long' as const),
          subject: record.accountId!,
          issuedAt: record.issuedAt,
          expiresAt: record.expiresAt,
          revoked: record.revoked,
          scopes: record.scopes,
        }
      : undefined;
  registerCodeLoginRoutes(router, {
    appId: config.instagramAppId,
    appSecret: config.instagramAppSecret,
    grantPrefix: 'ig',
    now: () => state.now(),
    consentSubject: () => state.consentAccountId ?? undefined,
    declined: () => state.declinedInstagramScopes,
    issue: (lived, subject, scopes, lifetimeMs) =>
      view(
        state.token(lived === 'short' ? 'ig-short' : 'ig-long', { accountId: subject }, scopes, lifetimeMs),
      )!,
    find: (token) => view(state.tokens.get(token)),
  });
  router.add('GET', '/me', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    const account = state.account(token.accountId)!;
    return ok({
      id: account.id,
      user_id: account.id,
      username: account.username,
      name: account.name,
      account_type: 'BUSINESS',
    });
  });
};

/** Facebook Login for an Instagram account linked to a Page (1.4, 3.1), on the facebook.com hosts. */
export const registerFacebookLoginRoutes: Register = (router, deps) => {
  const { state, config } = deps;
  registerSharedFacebookLogin(router, {
    appId: config.facebookAppId,
    appSecret: config.facebookAppSecret,
    consentSubject: () => state.consentFbUserId ?? undefined,
    declined: () => state.declinedFacebookScopes,
    issueUserToken: (userId, scopes, lifetimeMs) =>
      state.token('fb-user', { fbUserId: userId }, scopes, lifetimeMs).token,
    findUserToken: (token) => {
      const found = state.tokens.get(token);
      return found?.kind === 'fb-user' && !found.revoked
        ? { userId: found.fbUserId!, scopes: found.scopes }
        : undefined;
    },
  });
  router.add('GET', '/me/accounts', (request) => {
    const token = authorize(deps, request, 'pages_show_list');
    if (isResponse(token)) {
      return token;
    }
    const data = [...state.pages.values()]
      .filter((item) => item.adminId === token.fbUserId)
      .map((item) => ({
        id: item.id,
        name: item.name,
        access_token: state.token(
          'page',
          { accountId: item.accountId, fbUserId: token.fbUserId! },
          token.scopes,
        ).token,
        tasks: item.tasks,
        instagram_business_account: { id: item.accountId },
      }));
    return ok(page(data, request.query, `${deps.baseUrl()}/v25.0${request.path}`));
  });
  // What the person granted and declined on the consent screen (1.4), for a Facebook user token.
  router.add('GET', '/me/permissions', (request) => {
    const token = authorize(deps, request);
    if (isResponse(token)) {
      return token;
    }
    if (token.kind !== 'fb-user') {
      return graphError({ code: 100, message: '(#100) /me/permissions needs a user access token' });
    }
    const asked = [...new Set([...token.scopes, ...state.declinedFacebookScopes])];
    return ok({
      data: asked.map((permission) => ({
        permission,
        status: token.scopes.includes(permission) ? 'granted' : 'declined',
      })),
    });
  });
};
