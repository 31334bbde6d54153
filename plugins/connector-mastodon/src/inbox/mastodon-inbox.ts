import type { InboxCapability, InboxPage, Interaction } from '@chorus/connector-sdk';
import { accountRef } from '../api/account-ref.js';
import type {
  MastodonContext,
  MastodonConversation,
  MastodonNotification,
  MastodonStatus,
} from '../api/entities.js';
import { parseLinkHeader } from '../api/link-header.js';
import type { MastodonApi } from '../api/mastodon-api.js';
import type { MastodonDeps } from '../mastodon-deps.js';
import { decodeCursor, encodeCursor } from './inbox-cursor.js';
import { classifyStatus, toInteraction } from './to-interaction.js';

const PAGE = 40;
const MAX_PAGES = 5;

/**
 * The inbox from mention notifications (which include replies and direct messages), walked forward from the
 * cursor with min_id; direct messages get their conversation from /api/v1/conversations, comments the root
 * status of their thread.
 */
export function createMastodonInbox(deps: MastodonDeps): InboxCapability {
  return {
    async pull(credentials, request): Promise<InboxPage> {
      const api = deps.api(credentials);
      const since = decodeCursor(request.cursor);
      const limit = Math.min(request.limit ?? PAGE, 80);
      const notifications = await mentionsSince(api, since, limit);
      // An empty first pull still starts the cursor (at 0), so that the next pull reads everything after it.
      const newest = notifications.reduce<string>(
        (max, item) => (BigInt(item.id) > BigInt(max) ? item.id : max),
        since ?? '0',
      );
      const statuses = notifications
        .map((item) => item.status)
        .filter((status): status is MastodonStatus => status !== undefined);
      statuses.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      const own = accountRef(credentials).id;
      const conversations = statuses.some((status) => status.visibility === 'direct')
        ? await listConversations(api)
        : [];
      const roots = new Map<string, string>();
      const interactions: Interaction[] = [];
      for (const status of statuses) {
        const kind = classifyStatus(status, own);
        const conversationId =
          kind === 'direct-message'
            ? conversationOf(status, conversations)
            : status.in_reply_to_id === null
              ? status.id
              : await rootOf(api, status, roots);
        interactions.push(toInteraction(status, { kind, conversationId }));
      }
      return { interactions, cursor: encodeCursor(newest) };
    },

    async reply(credentials, input) {
      const { to } = input;
      const mention = `@${to.author.handle}`;
      const text = input.text.includes(mention) ? input.text : `${mention} ${input.text}`;
      const { body } = await deps.api(credentials).call<MastodonStatus>({
        operation: 'inbox.reply',
        endpoint: 'statuses.create',
        method: 'POST',
        path: '/api/v1/statuses',
        json: {
          status: text,
          in_reply_to_id: to.remoteId,
          visibility: to.kind === 'direct-message' ? 'direct' : 'public',
        },
        idempotencyKey: input.idempotencyKey,
      });
      return { remoteId: body.id, url: body.url ?? body.uri };
    },

    async like(credentials, input) {
      await deps.api(credentials).call({
        operation: 'inbox.like',
        endpoint: 'statuses.favourite',
        method: 'POST',
        path: `/api/v1/statuses/${encodeURIComponent(input.remoteId)}/favourite`,
      });
    },
  };
}

async function mentionsSince(
  api: MastodonApi,
  since: string | null,
  limit: number,
): Promise<MastodonNotification[]> {
  const base = new URLSearchParams({ 'types[]': 'mention', limit: String(limit) });
  if (since === null) {
    // First pull: the latest page only; older history is not an inbox.
    const { body } = await api.call<MastodonNotification[]>({
      operation: 'inbox.pull',
      endpoint: 'notifications',
      path: '/api/v1/notifications',
      query: base,
    });
    return body;
  }
  const collected: MastodonNotification[] = [];
  let query = new URLSearchParams(base);
  query.set('min_id', since);
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await api.call<MastodonNotification[]>({
      operation: 'inbox.pull',
      endpoint: 'notifications',
      path: '/api/v1/notifications',
      query,
    });
    collected.push(...response.body);
    const prev = parseLinkHeader(response.headers.get('link')).prev;
    if (response.body.length < limit || !prev) {
      break;
    }
    query = new URL(prev).searchParams;
  }
  return collected;
}

async function listConversations(api: MastodonApi): Promise<readonly MastodonConversation[]> {
  const { body } = await api.call<MastodonConversation[]>({
    operation: 'inbox.pull',
    endpoint: 'conversations',
    path: '/api/v1/conversations',
    query: new URLSearchParams({ limit: '40' }),
  });
  return body;
}

function conversationOf(status: MastodonStatus, conversations: readonly MastodonConversation[]): string {
  const exact = conversations.find((conversation) => conversation.last_status?.id === status.id);
  const byAuthor = conversations.find((conversation) =>
    conversation.accounts.some((account) => account.id === status.account.id),
  );
  return (exact ?? byAuthor)?.id ?? `status:${status.id}`;
}

async function rootOf(api: MastodonApi, status: MastodonStatus, cache: Map<string, string>): Promise<string> {
  const parent = status.in_reply_to_id!;
  const known = cache.get(parent);
  if (known) {
    return known;
  }
  const { body } = await api.call<MastodonContext>({
    operation: 'inbox.pull',
    endpoint: 'statuses.context',
    path: `/api/v1/statuses/${encodeURIComponent(status.id)}/context`,
  });
  const root = body.ancestors[0]?.id ?? parent;
  cache.set(parent, root);
  return root;
}
