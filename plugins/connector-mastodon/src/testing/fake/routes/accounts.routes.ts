import type { FakeRouter } from '../fake-router.js';
import { json, notFound } from '../fake-router.js';
import { linkHeader, pageParams, paginate } from '../fake-pagination.js';
import { asBoolean, currentAccount, isResponse, type RouteDeps } from '../route-deps.js';

export function registerAccountRoutes(router: FakeRouter, deps: RouteDeps): void {
  router.add('GET', '/api/v1/accounts/verify_credentials', (request) => {
    const account = currentAccount(deps, request, 'read:accounts');
    return isResponse(account) ? account : json(200, deps.render.credentialAccount(account));
  });

  router.add('GET', '/api/v1/accounts/:id', (request) => {
    const account = deps.state.accounts.get(request.pathParams.id!);
    return account ? json(200, deps.render.account(account)) : notFound();
  });

  router.add('GET', '/api/v1/accounts/:id/statuses', (request) => {
    const account = deps.state.accounts.get(request.pathParams.id!);
    if (!account) {
      return notFound();
    }
    const viewerId = request.token?.accountId ?? null;
    const excludeReplies = asBoolean(request.query.get('exclude_replies'));
    const statuses = deps.state
      .statusesOf(account.id)
      .filter(
        (status) =>
          status.deletedAt === null &&
          deps.state.canSee(status, viewerId) &&
          !(excludeReplies && status.inReplyToId !== null && status.inReplyToAccountId !== account.id),
      );
    const page = paginate(statuses, (status) => status.id, pageParams(request.query, 20, 40));
    const link = linkHeader(deps.baseUrl(), request.path, request.query, page, (status) => status.id);
    return json(
      200,
      page.map((status) => deps.render.status(status, viewerId)),
      link ? { Link: link } : undefined,
    );
  });

  router.add('POST', '/api/v1/accounts/:id/follow', (request) => {
    const follower = currentAccount(deps, request, 'write:follows');
    if (isResponse(follower)) {
      return follower;
    }
    const target = deps.state.accounts.get(request.pathParams.id!);
    if (!target) {
      return notFound();
    }
    deps.state.follow(follower.id, target.id);
    return json(200, {
      id: target.id,
      following: true,
      followed_by: target.following.has(follower.id),
      requested: false,
    });
  });
}
