import { ok, registerFacebookLoginRoutes } from '@chorus/meta-graph/testing';
import { authorize, isResponse, type Register } from '../route-deps.js';

/** Facebook Login (network-apis.md 1.4): the dialog, both token exchanges, permissions and Page tokens. */
export const registerOAuthRoutes: Register = (router, deps) => {
  const { state, config } = deps;

  registerFacebookLoginRoutes(router, {
    appId: config.appId,
    appSecret: config.appSecret,
    // The person signed in is the first one with a role on a Page.
    consentSubject: () =>
      [...state.users.values()].find((user) =>
        [...state.pages.values()].some((page) => page.roles.has(user.id)),
      )?.id,
    declined: () => config.declined,
    issueUserToken: (userId, scopes, lifetimeMs) => state.token('user', userId, scopes, lifetimeMs).token,
    findUserToken: (token) => {
      const found = state.check(token);
      return typeof found === 'string' || found.kind !== 'user' ? undefined : found;
    },
  });

  router.add('GET', '/me/permissions', (request) => {
    const token = authorize(deps, request, { kind: 'user' });
    if (isResponse(token)) {
      return token;
    }
    const requested = [...new Set([...token.scopes, ...config.declined])];
    return ok({
      data: requested.map((permission) => ({
        permission,
        status: token.scopes.includes(permission) ? 'granted' : 'declined',
      })),
    });
  });

  router.add('DELETE', '/me/permissions', (request) => {
    const token = authorize(deps, request, { kind: 'user' });
    if (isResponse(token)) {
      return token;
    }
    // The app is removed: every token of this person for the app dies, Page tokens included.
    for (const record of state.tokens.values()) {
      if (record.userId === token.userId) {
        record.revoked = true;
      }
    }
    return ok({ success: true });
  });

  router.add('GET', '/me/accounts', (request) => {
    const token = authorize(deps, request, { kind: 'user', scope: 'pages_show_list' });
    if (isResponse(token)) {
      return token;
    }
    const data = [...state.pages.values()]
      .filter((page) => page.roles.has(token.userId))
      .map((page) => ({
        id: page.id,
        name: page.name,
        tasks: page.roles.get(token.userId),
        // Page tokens from a long-lived user token do not expire by time (1.4).
        access_token: state.token('page', token.userId, token.scopes, undefined, page.id).token,
      }));
    return ok({ data });
  });
};
