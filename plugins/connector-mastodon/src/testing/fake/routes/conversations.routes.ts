import type { FakeRouter } from '../fake-router.js';
import { json, notFound } from '../fake-router.js';
import { linkHeader, pageParams, paginate } from '../fake-pagination.js';
import { currentAccount, isResponse, type RouteDeps } from '../route-deps.js';

export function registerConversationRoutes(router: FakeRouter, deps: RouteDeps): void {
  // Conversations page by the id of their last status, as Mastodon's AccountConversation does.
  router.add('GET', '/api/v1/conversations', (request) => {
    const account = currentAccount(deps, request, 'read:statuses');
    if (isResponse(account)) {
      return account;
    }
    const mine = deps.state.conversations.filter(
      (conversation) =>
        conversation.ownerId === account.id && deps.state.liveStatus(conversation.lastStatusId) !== undefined,
    );
    const page = paginate(
      mine,
      (conversation) => conversation.lastStatusId,
      pageParams(request.query, 20, 40),
    );
    const link = linkHeader(
      deps.baseUrl(),
      request.path,
      request.query,
      page,
      (conversation) => conversation.lastStatusId,
    );
    return json(
      200,
      page.map((conversation) => deps.render.conversation(conversation)),
      link ? { Link: link } : undefined,
    );
  });

  router.add('POST', '/api/v1/conversations/:id/read', (request) => {
    const account = currentAccount(deps, request, 'write:conversations');
    if (isResponse(account)) {
      return account;
    }
    const conversation = deps.state.conversations.find(
      (item) => item.id === request.pathParams.id && item.ownerId === account.id,
    );
    if (!conversation) {
      return notFound();
    }
    conversation.unread = false;
    return json(200, deps.render.conversation(conversation));
  });
}
