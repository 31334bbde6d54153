import type { FakeRouter } from '../fake-router.js';
import { json, notFound } from '../fake-router.js';
import { linkHeader, pageParams, paginate } from '../fake-pagination.js';
import { currentAccount, isResponse, type RouteDeps } from '../route-deps.js';

export function registerNotificationRoutes(router: FakeRouter, deps: RouteDeps): void {
  router.add('GET', '/api/v1/notifications', (request) => {
    const account = currentAccount(deps, request, 'read:notifications');
    if (isResponse(account)) {
      return account;
    }
    const types = [...request.query.getAll('types[]'), ...request.query.getAll('types')];
    const excluded = [...request.query.getAll('exclude_types[]'), ...request.query.getAll('exclude_types')];
    const fromAccount = request.query.get('account_id');
    const mine = deps.state.notifications.filter((notification) => {
      if (notification.accountId !== account.id) {
        return false;
      }
      if (types.length > 0 && !types.includes(notification.type)) {
        return false;
      }
      if (excluded.includes(notification.type)) {
        return false;
      }
      if (fromAccount && notification.fromAccountId !== fromAccount) {
        return false;
      }
      // Notifications about a deleted status disappear with it.
      return notification.statusId === null || deps.state.liveStatus(notification.statusId) !== undefined;
    });
    const page = paginate(mine, (notification) => notification.id, pageParams(request.query, 40, 80));
    const link = linkHeader(
      deps.baseUrl(),
      request.path,
      request.query,
      page,
      (notification) => notification.id,
    );
    return json(
      200,
      page.map((notification) => deps.render.notification(notification, account.id)),
      link ? { Link: link } : undefined,
    );
  });

  router.add('POST', '/api/v1/notifications/:id/dismiss', (request) => {
    const account = currentAccount(deps, request, 'write:notifications');
    if (isResponse(account)) {
      return account;
    }
    const index = deps.state.notifications.findIndex(
      (item) => item.id === request.pathParams.id && item.accountId === account.id,
    );
    if (index < 0) {
      return notFound();
    }
    deps.state.notifications.splice(index, 1);
    return json(200, {});
  });
}
