import { z, type Credentials, type InboxCapability, type Interaction } from '@chorus/connector-sdk';
import {
  advance,
  collectPages,
  graphPage,
  idResponse,
  readCursor,
  successResponse,
  writeCursor,
} from '@chorus/meta-graph';
import type { InstagramDeps } from '../instagram-deps.js';
import { commentOn } from '../publish/instagram-publisher.js';
import { deleteComment } from './delete-comment.js';
import { readMessages, sendMessage } from './instagram-messages.js';
import { createInstagramWebhook } from './instagram-webhook.js';

const recent = graphPage(z.object({ id: z.string() }));
const comments = graphPage(
  z.object({
    id: z.string(),
    text: z.string().optional(),
    timestamp: z.string(),
    username: z.string().optional(),
    from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
    parent_id: z.string().optional(),
  }),
);
const tagged = graphPage(
  z.object({
    id: z.string(),
    caption: z.string().optional(),
    timestamp: z.string(),
    username: z.string().optional(),
    permalink: z.string().optional(),
  }),
);

/** Comments, mentions (media the account is tagged in) and direct messages, by polling and webhook (3.3). */
export function createInstagramInbox(deps: InstagramDeps): InboxCapability {
  return {
    async pull(credentials, request) {
      const previous = readCursor(request.cursor);
      const items = [
        ...(await readComments(deps, credentials)),
        ...(await readTags(deps, credentials)),
        ...(await readMessages(deps, credentials)),
      ];
      const { fresh, cursor } = advance(items, previous);
      const limited = request.limit ? fresh.slice(0, request.limit) : fresh;
      const last = limited.length < fresh.length ? advance(limited, previous).cursor : cursor;
      return { interactions: limited, cursor: last ? writeCursor(last) : request.cursor };
    },

    webhook: createInstagramWebhook(deps.config),

    async reply(credentials, input) {
      if (input.to.kind === 'direct-message') {
        return sendMessage(deps, credentials, input);
      }
      if (input.to.kind === 'mention') {
        // A media the account is tagged in: the answer is a comment on it through /mentions.
        const created = await deps.graph(credentials).call(
          {
            operation: 'inbox.reply',
            endpoint: 'mentions.reply',
            method: 'POST',
            path: `/${credentials.accountId}/mentions`,
            form: { media_id: input.to.conversationId, message: input.text },
          },
          idResponse,
        );
        return { remoteId: created.id, url: input.to.url ?? 'https://www.instagram.com/' };
      }
      if (input.to.inReplyToRemoteId === input.to.conversationId) {
        const created = await deps.graph(credentials).call(
          {
            operation: 'inbox.reply',
            endpoint: 'comments.reply',
            method: 'POST',
            path: `/${input.to.remoteId}/replies`,
            form: { message: input.text },
          },
          idResponse,
        );
        return {
          remoteId: created.id,
          url: `https://www.instagram.com/p/${input.to.conversationId}/c/${created.id}`,
        };
      }
      // Only top-level comments take replies (3.3); an answer to a reply goes under the media.
      return commentOn(deps, credentials, input.to.conversationId, input.text, 'inbox.reply');
    },

    async hide(credentials, input) {
      await deps.graph(credentials).call(
        {
          operation: 'inbox.hide',
          endpoint: 'comments.hide',
          method: 'POST',
          path: `/${input.remoteId}`,
          form: { hide: input.hidden },
        },
        successResponse,
      );
    },

    delete: (credentials, input) => deleteComment(deps, credentials, input),
  };
}

async function readComments(deps: InstagramDeps, credentials: Credentials): Promise<Interaction[]> {
  const graph = deps.graph(credentials);
  const media = await graph.call(
    {
      operation: 'inbox.pull',
      endpoint: 'media.list',
      path: `/${credentials.accountId}/media`,
      query: { fields: 'id', limit: deps.config.inboxMediaCount },
    },
    recent,
  );
  const found: Interaction[] = [];
  for (const item of media.data) {
    const all = await collectPages((after) =>
      graph.call(
        {
          operation: 'inbox.pull',
          endpoint: 'comments.read',
          path: `/${item.id}/comments`,
          query: { fields: 'id,text,timestamp,username,from{id,username},parent_id', limit: 50, after },
        },
        comments,
      ),
    );
    for (const comment of all.filter((entry) => entry.from?.id !== credentials.accountId)) {
      found.push({
        remoteId: comment.id,
        kind: 'comment',
        conversationId: item.id,
        inReplyToRemoteId: comment.parent_id ?? item.id,
        author: {
          remoteId: comment.from?.id ?? comment.username ?? 'unknown',
          handle: comment.from?.username ?? comment.username ?? 'instagram user',
          displayName: null,
          url: comment.username ? `https://www.instagram.com/${comment.username}` : null,
        },
        text: comment.text ?? '',
        createdAt: new Date(comment.timestamp).toISOString(),
        url: null,
      });
    }
  }
  return found;
}

async function readTags(deps: InstagramDeps, credentials: Credentials): Promise<Interaction[]> {
  const answer = await deps.graph(credentials).call(
    {
      operation: 'inbox.pull',
      endpoint: 'tags.read',
      path: `/${credentials.accountId}/tags`,
      query: { fields: 'id,caption,timestamp,username,permalink' },
    },
    tagged,
  );
  return answer.data.map((item) => ({
    remoteId: item.id,
    kind: 'mention' as const,
    conversationId: item.id,
    inReplyToRemoteId: null,
    author: {
      remoteId: item.username ?? 'unknown',
      handle: item.username ?? 'instagram user',
      displayName: null,
      url: item.username ? `https://www.instagram.com/${item.username}` : null,
    },
    text: item.caption ?? '',
    createdAt: new Date(item.timestamp).toISOString(),
    url: item.permalink ?? null,
  }));
}
