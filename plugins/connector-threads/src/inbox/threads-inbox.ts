import { z, type Credentials, type InboxCapability, type Interaction } from '@chorus/connector-sdk';
import {
  advance,
  collectPages,
  graphPage,
  readCursor,
  successResponse,
  writeCursor,
} from '@chorus/meta-graph';
import { publishPart } from '../publish/threads-publisher.js';
import type { ThreadsDeps } from '../threads-deps.js';
import { createThreadsWebhook } from './threads-webhook.js';
import { reply, toInteraction } from './to-interaction.js';

const fields = 'id,text,username,timestamp,permalink,replied_to,root_post,hide_status';
const replies = graphPage(reply);
const posts = graphPage(z.object({ id: z.string() }));
const PAGE_SIZE = 50;

/** Replies to recent posts (whole conversations) and mentions, by polling and webhook; reply and hide (4.3). */
export function createThreadsInbox(deps: ThreadsDeps): InboxCapability {
  return {
    async pull(credentials, request) {
      const previous = readCursor(request.cursor);
      const items = await readInbox(deps, credentials, previous?.since);
      const { fresh, cursor } = advance(items, previous);
      const limited = request.limit ? fresh.slice(0, request.limit) : fresh;
      const last = limited.length < fresh.length ? advance(limited, previous).cursor : cursor;
      return { interactions: limited, cursor: last ? writeCursor(last) : request.cursor };
    },

    webhook: createThreadsWebhook(deps.config),

    async reply(credentials, input) {
      // A reply is a container with reply_to_id, published (it counts toward the 1,000 replies a day).
      return publishPart(deps, credentials, input.text, [], { replyToId: input.to.remoteId });
    },

    async hide(credentials, input) {
      // Only top-level replies can be hidden; hiding cascades to the replies below (4.3).
      await deps.graph(credentials).call(
        {
          operation: 'inbox.hide',
          endpoint: 'replies.manage',
          method: 'POST',
          path: `/${input.remoteId}/manage_reply`,
          form: { hide: input.hidden },
        },
        successResponse,
      );
    },
  };
}

/**
 * Replies under the last `inboxPostCount` posts (the whole conversation, every page up to a bound) and mentions
 * (newest first, read back to the inbox cursor).
 */
async function readInbox(
  deps: ThreadsDeps,
  credentials: Credentials,
  since: string | undefined,
): Promise<Interaction[]> {
  const graph = deps.graph(credentials);
  const read = { operation: 'inbox.pull' as const };
  const recent = await graph.call(
    {
      ...read,
      endpoint: 'threads.list',
      path: `/${credentials.accountId}/threads`,
      query: { fields: 'id', limit: deps.config.inboxPostCount },
    },
    posts,
  );
  const me = await graph.call(
    { ...read, endpoint: 'user.read', path: '/me', query: { fields: 'id,username' } },
    z.object({ username: z.string() }),
  );
  const found: Interaction[] = [];
  for (const post of recent.data) {
    const answer = await collectPages((after) =>
      graph.call(
        {
          ...read,
          endpoint: 'replies.read',
          path: `/${post.id}/conversation`,
          query: { fields, limit: PAGE_SIZE, after },
        },
        replies,
      ),
    );
    found.push(
      ...answer
        .filter((item) => item.username !== me.username)
        .map((item) => toInteraction(item, 'comment', post.id)),
    );
  }
  const mentions = await collectPages(
    (after) =>
      graph.call(
        {
          ...read,
          endpoint: 'mentions.read',
          path: `/${credentials.accountId}/mentions`,
          query: { fields, limit: PAGE_SIZE, after },
        },
        replies,
      ),
    { since, timeOf: (item) => item.timestamp },
  );
  found.push(...mentions.map((item) => toInteraction(item, 'mention')));
  return found;
}
