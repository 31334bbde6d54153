import type { InboxCapability } from '@chorus/connector-sdk';
import { advance, idResponse, readCursor, successResponse, writeCursor } from '@chorus/meta-graph';
import type { InstagramDeps } from '../instagram-deps.js';
import { commentOn } from '../publish/instagram-publisher.js';
import { mediaPermalink } from '../publish/media-permalink.js';
import { readComments } from './instagram-comments.js';
import { completeMention, readTags } from './instagram-mentions.js';
import { deleteComment } from './delete-comment.js';
import { readMessages, sendMessage } from './instagram-messages.js';
import { createInstagramWebhook } from './instagram-webhook.js';

/**
 * Comments and their replies, mentions and direct messages (3.3): pulled (photo tags stand for mentions there,
 * as @-mentions are listed nowhere) and by webhook (`mentions` completed through `mentioned_media` /
 * `mentioned_comment`).
 */
export function createInstagramInbox(deps: InstagramDeps): InboxCapability {
  return {
    async pull(credentials, request) {
      const previous = readCursor(request.cursor);
      const items = [
        ...(await readComments(deps, credentials)),
        ...(await readTags(deps, credentials, previous?.since)),
        ...(await readMessages(deps, credentials, previous?.since)),
      ];
      const { fresh, cursor } = advance(items, previous);
      const limited = request.limit ? fresh.slice(0, request.limit) : fresh;
      const last = limited.length < fresh.length ? advance(limited, previous).cursor : cursor;
      return { interactions: limited, cursor: last ? writeCursor(last) : request.cursor };
    },

    webhook: createInstagramWebhook(deps.config, (credentials, interaction) =>
      completeMention(deps, credentials, interaction),
    ),

    async reply(credentials, input) {
      if (input.to.kind === 'direct-message') {
        return sendMessage(deps, credentials, input);
      }
      if (input.to.kind === 'mention') {
        // The answer is a comment on the mentioning media, or under the mentioning comment (3.3 /mentions).
        const onComment = input.to.remoteId !== input.to.conversationId;
        const created = await deps.graph(credentials).call(
          {
            operation: 'inbox.reply',
            endpoint: 'mentions.reply',
            method: 'POST',
            path: `/${credentials.accountId}/mentions`,
            form: {
              media_id: input.to.conversationId,
              comment_id: onComment ? input.to.remoteId : undefined,
              message: input.text,
            },
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
        // Comments have no permalink of their own: the media's shows the answer.
        return {
          remoteId: created.id,
          url:
            input.to.url ?? (await mediaPermalink(deps, credentials, input.to.conversationId, 'inbox.reply')),
        };
      }
      // Only top-level comments take replies (3.3); an answer to a reply goes under the media.
      return commentOn(
        deps,
        credentials,
        input.to.conversationId,
        input.text,
        'inbox.reply',
        input.to.url ?? undefined,
      );
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
