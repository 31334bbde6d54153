import { z, type InboxCapability } from '@chorus/connector-sdk';
import { advance, readCursor, successResponse, writeCursor } from '@chorus/meta-graph';
import type { FacebookDeps } from '../facebook-deps.js';
import { deleteComment } from '../publish/delete-post.js';
import { comment } from '../publish/facebook-publisher.js';
import { createFacebookWebhook } from './facebook-webhook.js';

import { readInbox } from './inbox-reader.js';

const sent = z.object({ recipient_id: z.string(), message_id: z.string().min(1) });

/** Comments, mentions and Messenger messages by polling and by webhook; answer, hide, like and delete comments. */
export function createFacebookInbox(deps: FacebookDeps): InboxCapability {
  return {
    async pull(credentials, request) {
      const previous = readCursor(request.cursor);
      const items = await readInbox(deps, credentials, previous?.since);
      const { fresh, cursor } = advance(items, previous);
      const limited = request.limit ? fresh.slice(0, request.limit) : fresh;
      const last = limited.length < fresh.length ? advance(limited, previous).cursor : cursor;
      return { interactions: limited, cursor: last ? writeCursor(last) : request.cursor };
    },

    webhook: createFacebookWebhook(deps.config),

    async reply(credentials, input) {
      if (input.to.kind === 'direct-message') {
        // Within 24 h of the person's last message (2.3); later, Meta refuses with code 10 / 2018278.
        const answer = await deps.graph(credentials).call(
          {
            operation: 'inbox.reply',
            endpoint: 'messages.send',
            method: 'POST',
            path: `/${credentials.accountId}/messages`,
            json: {
              recipient: { id: input.to.author.remoteId },
              messaging_type: 'RESPONSE',
              message: { text: input.text },
            },
          },
          sent,
        );
        return {
          remoteId: answer.message_id,
          url: `https://www.facebook.com/${credentials.accountId}/inbox`,
        };
      }
      // A mention is a post by someone else: the answer is a comment under it.
      return comment(deps, credentials, input.to.remoteId, input.text, 'inbox.reply');
    },

    async hide(credentials, input) {
      await deps.graph(credentials).call(
        {
          operation: 'inbox.hide',
          endpoint: 'comments.hide',
          method: 'POST',
          path: `/${input.remoteId}`,
          form: { is_hidden: input.hidden },
        },
        successResponse,
      );
    },

    async like(credentials, input) {
      await deps.graph(credentials).call(
        {
          operation: 'inbox.like',
          endpoint: 'likes.create',
          method: 'POST',
          path: `/${input.remoteId}/likes`,
        },
        successResponse,
      );
    },

    delete: (credentials, input) => deleteComment(deps, credentials, input),
  };
}
