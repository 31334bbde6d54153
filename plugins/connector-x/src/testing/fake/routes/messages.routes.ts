import { invalidRequest, problem } from '../x-fake-http.js';
import { paginate } from '../x-fake-pagination.js';
import { renderUser } from '../x-fake-render.js';
import { requestedFields, type Route, type RouteDeps } from '../x-fake-routing.js';
import type { DirectMessageRecord } from '../x-fake-state.js';

/** Direct messages: the user's DM events, and a 1:1 message. */
export function messagesRoutes({ state }: RouteDeps): Route[] {
  const render = (message: DirectMessageRecord, url: URL) => {
    const fields = requestedFields(url, 'dm_event');
    return {
      id: message.id,
      event_type: 'MessageCreate',
      text: message.text,
      ...(fields.has('sender_id') ? { sender_id: message.senderId } : {}),
      ...(fields.has('dm_conversation_id') ? { dm_conversation_id: message.conversationId } : {}),
      ...(fields.has('created_at') ? { created_at: new Date(message.createdAt).toISOString() } : {}),
    };
  };

  return [
    {
      method: 'GET',
      path: /^\/2\/dm_events$/u,
      endpoint: 'dm.lookup',
      auth: 'user',
      scopes: ['dm.read', 'tweet.read', 'users.read'],
      handle(exchange) {
        const userId = exchange.user!.id;
        const mine = state.directMessages.filter(
          (message) => message.senderId === userId || message.recipientId === userId,
        );
        const page = paginate(exchange, mine, { min: 1, max: 100, fallback: 100 });
        if (!page) {
          return;
        }
        const expand = (exchange.url.searchParams.get('expansions') ?? '').split(',').includes('sender_id');
        const senders = [...new Set(page.items.map((message) => message.senderId))]
          .map((id) => state.users.get(id))
          .filter((user) => user !== undefined)
          .map((user) => renderUser(user, exchange.url));
        exchange.send(200, {
          ...(page.items.length > 0
            ? { data: page.items.map((message) => render(message, exchange.url)) }
            : {}),
          ...(expand && senders.length > 0 ? { includes: { users: senders } } : {}),
          meta: page.meta,
        });
      },
    },
    {
      method: 'POST',
      path: /^\/2\/dm_conversations\/with\/(\d+)\/messages$/u,
      endpoint: 'dm.send',
      auth: 'user',
      scopes: ['dm.write', 'dm.read', 'tweet.read', 'users.read'],
      handle(exchange, [participantId]) {
        const recipient = state.users.get(participantId!);
        if (!recipient) {
          return problem(
            exchange,
            404,
            'resource-not-found',
            'Not Found Error',
            `Could not find user with id: [${participantId}].`,
          );
        }
        const text = exchange.body.text;
        if (typeof text !== 'string' || text.length === 0) {
          return invalidRequest(exchange, 'text is required for a message without attachments.');
        }
        const message = state.sendDirectMessage(exchange.user!, recipient, text);
        exchange.send(201, { data: { dm_conversation_id: message.conversationId, dm_event_id: message.id } });
      },
    },
  ];
}
