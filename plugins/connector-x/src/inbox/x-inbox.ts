import {
  z,
  type Credentials,
  type InboxCapability,
  type InboxPage,
  type Interaction,
  type RemotePostRef,
} from '@chorus/connector-sdk';
import { createdPost, dmEvents, dmSent, timeline, type XUser } from '../api/x-schemas.js';
import { postUrl, type XDeps } from '../x-deps.js';
import { newerId, readCursor, writeCursor, type InboxCursor } from './inbox-cursor.js';
import { messageToInteraction, oldestFirst, postToInteraction } from './to-interaction.js';
import { createXWebhook } from './x-webhook.js';

const MAX_PAGES = 10;
const POST_FIELDS = 'created_at,conversation_id,in_reply_to_user_id,referenced_tweets,author_id';
const hidden = z.object({ data: z.object({ hidden: z.boolean() }) });

type MentionsState = Pick<InboxCursor, 'mentions' | 'mentionsPage' | 'mentionsNewest'>;

/**
 * Where mentions stand when the limit cut the page. All of them returned: where the scan got to. None: the
 * same state again. Some
 * returned: everything up to the last one returned is delivered, so that id ends the scan (an unfinished scan
 * still goes on from its token for the older ones); a few may come twice, none is lost.
 */
function limitedMentions(
  cursor: InboxCursor,
  mentions: { found: readonly Interaction[]; state: MentionsState },
  returned: readonly Interaction[],
  lastReturned: string | undefined,
): MentionsState {
  if (mentions.found.every((item) => returned.includes(item))) {
    return mentions.state;
  }
  if (lastReturned === undefined) {
    const { mentions: sinceId, mentionsPage, mentionsNewest } = cursor;
    return { mentions: sinceId, mentionsPage, mentionsNewest };
  }
  if (mentions.state.mentionsPage) {
    return { ...mentions.state, mentionsNewest: lastReturned };
  }
  return { mentions: lastReturned };
}

/**
 * Pulls mentions (replies to the account's posts arrive there too) with `since_id`, and direct messages newer
 * than the last seen event; replies as a post or a DM; hides replies (network-apis.md 5.3).
 */
export function createXInbox(deps: XDeps): InboxCapability {
  const { api } = deps;

  /** Mentions newer than `since_id`; a scan longer than MAX_PAGES goes on from its token at the next pull. */
  const pullMentions = async (
    credentials: Credentials,
    cursor: InboxCursor,
  ): Promise<{ found: Interaction[]; state: MentionsState }> => {
    const found: Interaction[] = [];
    const sinceId = cursor.mentions;
    let newest = newerId(sinceId, cursor.mentionsPage ? cursor.mentionsNewest : undefined);
    let token = cursor.mentionsPage;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await api.call(
        {
          operation: 'inbox.pull',
          endpoint: 'users.mentions',
          path: `/2/users/${encodeURIComponent(credentials.accountId)}/mentions`,
          query: {
            since_id: sinceId,
            max_results: '100',
            'tweet.fields': POST_FIELDS,
            expansions: 'author_id',
            pagination_token: token,
          },
          token: credentials.accessToken,
        },
        timeline,
      );
      const users: XUser[] = answer.includes?.users ?? [];
      found.push(...answer.data.map((post) => postToInteraction(post, credentials.accountId, users)));
      newest = newerId(newest, answer.meta.newest_id);
      token = answer.meta.next_token;
      // The first pull reads one page: older mentions are history, not news.
      if (!token || sinceId === undefined) {
        return { found, state: { mentions: newest } };
      }
    }
    // Older unread mentions remain: since_id stays until the scan reaches it, the token says where it goes on.
    return { found, state: { mentions: sinceId, mentionsPage: token, mentionsNewest: newest } };
  };

  const pullMessages = async (credentials: Credentials, after: string | undefined) => {
    const found: Interaction[] = [];
    let newest = after;
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await api.call(
        {
          operation: 'inbox.pull',
          endpoint: 'dm.lookup',
          path: '/2/dm_events',
          query: {
            event_types: 'MessageCreate',
            'dm_event.fields': 'id,text,event_type,created_at,sender_id,dm_conversation_id',
            expansions: 'sender_id',
            'user.fields': 'username,name',
            max_results: '100',
            pagination_token: token,
          },
          token: credentials.accessToken,
        },
        dmEvents,
      );
      const users = answer.includes?.users ?? [];
      // Newest first, without since_id: stop at the last event already seen.
      const fresh = answer.data.filter((event) => after === undefined || BigInt(event.id) > BigInt(after));
      for (const event of fresh) {
        newest = newerId(newest, event.id);
        if (event.sender_id !== credentials.accountId) {
          found.push(messageToInteraction(event, users));
        }
      }
      token = answer.meta.next_token;
      if (!token || after === undefined || fresh.length < answer.data.length) {
        break;
      }
    }
    return { found, newest };
  };

  return {
    async pull(credentials, request): Promise<InboxPage> {
      const cursor = readCursor(request.cursor);
      const mentions = await pullMentions(credentials, cursor);
      // An account connected without dm.read has mentions only.
      const readsMessages = !credentials.scopes || credentials.scopes.includes('dm.read');
      const messages = readsMessages
        ? await pullMessages(credentials, cursor.messages)
        : { found: [], newest: cursor.messages };
      const interactions = oldestFirst([...mentions.found, ...messages.found]);
      const limited = request.limit ? interactions.slice(0, request.limit) : interactions;
      if (limited.length < interactions.length) {
        // What was not returned comes with the next pull: each cursor moves only to the last id returned.
        const lastOf = (messages: boolean) =>
          limited
            .filter((item) => (item.kind === 'direct-message') === messages)
            .map((item) => item.remoteId)
            .reduce<string | undefined>((newest, id) => newerId(newest, id), undefined);
        return {
          interactions: limited,
          cursor: writeCursor({
            ...limitedMentions(cursor, mentions, limited, lastOf(false)),
            messages: lastOf(true) ?? cursor.messages,
          }),
        };
      }
      return {
        interactions,
        cursor: writeCursor({ ...mentions.state, messages: messages.newest }),
      };
    },

    async reply(credentials, input): Promise<RemotePostRef> {
      if (input.to.kind === 'direct-message') {
        const sent = await api.call(
          {
            operation: 'inbox.reply',
            endpoint: 'dm.send',
            method: 'POST',
            path: `/2/dm_conversations/with/${encodeURIComponent(input.to.author.remoteId)}/messages`,
            token: credentials.accessToken,
            json: { text: input.text },
          },
          dmSent,
        );
        return {
          remoteId: sent.data.dm_event_id,
          url: `https://x.com/messages/${sent.data.dm_conversation_id}`,
        };
      }
      const created = await api.call(
        {
          operation: 'inbox.reply',
          endpoint: 'tweets.create',
          method: 'POST',
          path: '/2/tweets',
          token: credentials.accessToken,
          json: { text: input.text, reply: { in_reply_to_tweet_id: input.to.remoteId } },
        },
        createdPost,
      );
      return { remoteId: created.data.id, url: postUrl(credentials.extra?.handle, created.data.id) };
    },

    async hide(credentials, input) {
      await api.call(
        {
          operation: 'inbox.hide',
          endpoint: 'tweets.hidden',
          method: 'PUT',
          path: `/2/tweets/${encodeURIComponent(input.remoteId)}/hidden`,
          token: credentials.accessToken,
          json: { hidden: input.hidden },
        },
        hidden,
      );
    },

    webhook: createXWebhook(deps),
  };
}
