import type { Credentials, InboxCapability, InboxPage, Interaction } from '@chorus/connector-sdk';
import { anything, listing, type CommentOrMessage } from '../api/reddit-schemas.js';
import { usernameOf } from '../auth/username.js';
import { postComment } from '../publish/post-comment.js';
import type { RedditDeps } from '../reddit-deps.js';
import { advance, readCursor, writeCursor, type InboxCursor } from './inbox-cursor.js';
import { toInteraction } from './to-interaction.js';

const MAX_PAGES = 10;
const PAGE_SIZE = 100;

interface Item {
  readonly name: string;
  readonly time: number;
  readonly interaction: Interaction;
}

/**
 * The inbox by polling (Reddit has no webhooks, network-apis.md 12.3): `GET /message/inbox` holds replies to
 * the account's posts and comments, username mentions and private messages. It is read with `mark=false`, so
 * that Chorus never marks as read what the person has not seen on Reddit, newest first back to the cursor.
 */
export function createRedditInbox(deps: RedditDeps): InboxCapability {
  const { api } = deps;

  const newItems = async (credentials: Credentials, cursor: InboxCursor | undefined, username: string) => {
    const items: Item[] = [];
    let after: string | undefined;
    // The first pull reads one page: older items are history, not news.
    const pages = cursor ? MAX_PAGES : 1;
    for (let page = 0; page < pages; page += 1) {
      const answer = await api.call(
        {
          operation: 'inbox.pull',
          endpoint: 'message.inbox',
          path: '/message/inbox',
          query: { mark: 'false', limit: String(PAGE_SIZE), after, raw_json: '1' },
          credentials,
          scope: 'privatemessages',
        },
        listing,
      );
      for (const child of answer.data.children) {
        if (child.kind !== 't1' && child.kind !== 't4') {
          continue;
        }
        const data: CommentOrMessage = child.data;
        if (cursor && data.created_utc < cursor.time) {
          return items;
        }
        const delivered = cursor && data.created_utc === cursor.time && cursor.names.includes(data.name);
        if (!delivered && data.author !== username) {
          items.push({
            name: data.name,
            time: data.created_utc,
            interaction: toInteraction(data, child.kind),
          });
        }
      }
      after = answer.data.after ?? undefined;
      if (!after) {
        return items;
      }
    }
    if (cursor) {
      // The cap was reached before the cursor: what lies between is older than anything read and is skipped.
      deps.context.logger.warn(
        `Reddit: more than ${MAX_PAGES * PAGE_SIZE} inbox items since the last pull; older ones are skipped.`,
        { accountId: credentials.accountId },
      );
    }
    return items;
  };

  return {
    async pull(credentials, request): Promise<InboxPage> {
      const cursor = readCursor(request.cursor);
      const username = await usernameOf(deps, credentials);
      const items = (await newItems(credentials, cursor, username)).sort(
        (a, b) => a.time - b.time || a.name.localeCompare(b.name),
      );
      const delivered = request.limit ? items.slice(0, request.limit) : items;
      return {
        interactions: delivered.map((item) => item.interaction),
        cursor: writeCursor(advance(cursor, delivered)),
      };
    },

    reply(credentials, input) {
      return postComment(deps, credentials, {
        thingId: input.to.remoteId,
        text: input.text,
        operation: 'inbox.reply',
      });
    },

    /** Moderators remove a comment (`spam=false`, reversible) and approve it back (12.3); others cannot hide. */
    async hide(credentials, input) {
      await api.call(
        {
          operation: 'inbox.hide',
          endpoint: input.hidden ? 'moderation.remove' : 'moderation.approve',
          method: 'POST',
          path: input.hidden ? '/api/remove' : '/api/approve',
          credentials,
          scope: 'modposts',
          forbidden: 'not-moderator',
          form: input.hidden ? { id: input.remoteId, spam: 'false' } : { id: input.remoteId },
        },
        anything,
      );
    },
  };
}
