import { field, formErrors, httpError } from '../fake-http.js';
import { listingPage } from '../fake-listing.js';
import { renderInboxEntry, renderMessage } from '../fake-render.js';
import type { Route, RouteDeps } from '../fake-routing.js';
import {
  nowSeconds,
  type InboxEntry,
  type MessageRecord,
  type RedditFakeState,
  type UserRecord,
} from '../fake-state.js';

/** A private message from `from` to `to`, in reply to `parent` if given; lands in the recipient's inbox. */
export function composeMessage(
  state: RedditFakeState,
  from: UserRecord,
  to: string,
  subject: string,
  body: string,
  parent?: MessageRecord,
): MessageRecord {
  const id = state.newId();
  const message: MessageRecord = {
    id,
    name: `t4_${id}`,
    from: from.name,
    to,
    subject,
    body,
    createdUtc: nowSeconds(),
    firstMessageName: parent ? (parent.firstMessageName ?? parent.name) : null,
    parentName: parent?.name ?? null,
  };
  state.messages.set(message.name, message);
  const recipient = state.userByName(to);
  if (recipient) {
    state.addInbox(recipient.id, message.name, 'message', message.createdUtc);
  }
  return message;
}

// Which inbox entries each /message/{where} listing shows (network-apis.md 12.3).
const WHERE: Readonly<Record<string, (entry: InboxEntry) => boolean>> = {
  inbox: () => true,
  unread: (entry) => entry.unread,
  comments: (entry) => entry.type === 'comment_reply',
  selfreply: (entry) => entry.type === 'post_reply',
  mentions: (entry) => entry.type === 'username_mention',
  messages: (entry) => entry.type === 'message',
};

/** The inbox listings, read marks and private messages. */
export function messagesRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;
  const entriesOf = (user: UserRecord) =>
    state.inbox
      .filter((entry) => entry.userId === user.id)
      .sort(
        (a, b) =>
          b.createdUtc - a.createdUtc ||
          parseInt(b.thingName.slice(3), 36) - parseInt(a.thingName.slice(3), 36),
      );

  const mark = (unread: boolean) => (exchange: Parameters<Route['handle']>[0]) => {
    const names = new Set((field(exchange.body, 'id') ?? '').split(',').filter(Boolean));
    for (const entry of entriesOf(exchange.user!)) {
      if (names.has(entry.thingName)) {
        entry.unread = unread;
      }
    }
    exchange.send(200, {});
  };

  return [
    {
      method: 'GET',
      path: /^\/message\/(inbox|unread|comments|selfreply|mentions|messages|sent)\/?$/u,
      auth: 'bearer',
      scope: 'privatemessages',
      handle(exchange, [where]) {
        const user = exchange.user!;
        if (where === 'sent') {
          const sent = [...state.messages.values()]
            .filter((message) => message.from === user.name)
            .sort((a, b) => b.createdUtc - a.createdUtc || parseInt(b.id, 36) - parseInt(a.id, 36));
          const page = listingPage(
            exchange,
            sent.map((message) => ({ name: message.name, rendered: renderMessage(message, false) })),
          );
          return page ? exchange.send(200, page) : undefined;
        }
        const entries = entriesOf(user).filter(WHERE[where!]!);
        // Rendered before marking, so that this answer still shows them as new.
        const items = entries.map((entry) => ({
          name: entry.thingName,
          entry,
          rendered: renderInboxEntry(state, entry, user),
        }));
        const page = listingPage(exchange, items) as
          { data: { children: { data: { name: string } }[] } } | undefined;
        if (!page) {
          return;
        }
        // Reading a listing marks what it returned as read, unless mark=false.
        if (exchange.url.searchParams.get('mark') !== 'false') {
          const shown = new Set(page.data.children.map((child) => child.data.name));
          for (const item of items) {
            if (shown.has(item.name)) {
              item.entry.unread = false;
            }
          }
        }
        exchange.send(200, page);
      },
    },
    {
      method: 'POST',
      path: /^\/api\/read_message$/u,
      auth: 'bearer',
      scope: 'privatemessages',
      handle: mark(false),
    },
    {
      method: 'POST',
      path: /^\/api\/unread_message$/u,
      auth: 'bearer',
      scope: 'privatemessages',
      handle: mark(true),
    },
    {
      method: 'POST',
      path: /^\/api\/compose$/u,
      auth: 'bearer',
      scope: 'privatemessages',
      handle(exchange) {
        const to = (field(exchange.body, 'to') ?? '').replace(/^\/?u\//u, '');
        const subject = field(exchange.body, 'subject') ?? '';
        const text = field(exchange.body, 'text') ?? '';
        if (field(exchange.body, 'api_type') !== 'json') {
          return httpError(exchange, 400, 'api_type=json is required');
        }
        if (!state.userByName(to)) {
          return formErrors(exchange, ['USER_DOESNT_EXIST', "that user doesn't exist", 'to']);
        }
        if (subject.trim() === '') {
          return formErrors(exchange, ['NO_SUBJECT', 'please enter a subject', 'subject']);
        }
        if (text.trim() === '') {
          return formErrors(exchange, ['NO_TEXT', 'we need something here', 'text']);
        }
        composeMessage(state, exchange.user!, to, subject, text);
        exchange.send(200, { json: { errors: [] } });
      },
    },
  ];
}
