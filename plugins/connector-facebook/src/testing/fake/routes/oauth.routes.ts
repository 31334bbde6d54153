import {
  graphError,
  invalidParameter,
  ok,
  page,
  registerFacebookLoginRoutes,
} from '@chorus/meta-graph/testing';

const PAGE_FIELDS: ReadonlySet<string> = new Set([
  'feed',
  'mention',
  'messages',
  'messaging_postbacks',
  'message_deliveries',
  'message_reads',
  'message_echoes',
]);
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
      .filter((item) => item.roles.has(token.userId))
      .map((item) => ({
        id: item.id,
        name: item.name,
        tasks: item.roles.get(token.userId),
        // Page tokens from a long-lived user token do not expire by time (1.4).
        access_token: state.token('page', token.userId, token.scopes, undefined, item.id).token,
      }));
    return ok(page(data, request.query, `${deps.baseUrl()}/${deps.version()}${request.path}`));
  });

  // Installs the app on the Page (1.6): the Page token, `pages_manage_metadata` and the MANAGE task.
  router.add('POST', '/:page/subscribed_apps', (request) => {
    const token = authorize(deps, request, { kind: 'page', scope: 'pages_manage_metadata' });
    if (isResponse(token)) {
      return token;
    }
    const target = state.pages.get(request.pathParams.page!);
    if (!target || target.id !== token.pageId || !target.roles.get(token.userId)?.includes('MANAGE')) {
      return graphError({ code: 200, message: '(#200) The user must have the MANAGE task on the Page' });
    }
    const fields = (request.params.subscribed_fields ?? '').split(',').filter(Boolean);
    const bad = fields.find((field) => !PAGE_FIELDS.has(field));
    if (fields.length === 0 || bad) {
      return invalidParameter(
        `subscribed_fields ${bad ?? '(missing)'} must be one of the following values: ${[...PAGE_FIELDS].join(', ')}`,
      );
    }
    state.subscriptions.set(target.id, new Set(fields));
    return ok({ success: true });
  });
};
