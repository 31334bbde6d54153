import {
  z,
  type Credentials,
  type InboxCapability,
  type InboxPage,
  type Interaction,
} from '@chorus/connector-sdk';
import {
  comment,
  commentList,
  commentThreadList,
  type YoutubeCommentThread,
} from '../api/youtube-schemas.js';
import { commentUrl, type YoutubeDeps } from '../youtube-deps.js';
import { readCursor, writeCursor, type InboxCursor } from './inbox-cursor.js';
import { commentToInteraction } from './to-interaction.js';

/**
 * Comments on the channel's videos by polling (network-apis.md 8.3: push covers new uploads only, there are no
 * mentions or DMs): the most recent comment threads of the channel, with every reply; answers as replies,
 * holds for review (hide) and rejects (delete) through setModerationStatus, deletes the channel's own comments.
 */
export function createYoutubeInbox(deps: YoutubeDeps): InboxCapability {
  const { api } = deps;

  const threads = async (credentials: Credentials, since: string | null): Promise<YoutubeCommentThread[]> => {
    const all: YoutubeCommentThread[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < deps.config.inboxThreadPages; page += 1) {
      const answer = await api.call(
        {
          operation: 'inbox.pull',
          endpoint: 'commentThreads.list',
          quota: 'commentThreads.list',
          url: `${deps.dataUrl}/commentThreads`,
          query: {
            part: 'snippet,replies',
            allThreadsRelatedToChannelId: credentials.accountId,
            order: 'time',
            maxResults: '100',
            textFormat: 'plainText',
            pageToken,
          },
          token: credentials.accessToken,
        },
        commentThreadList,
      );
      all.push(...answer.items);
      pageToken = answer.nextPageToken;
      if (!pageToken) {
        break;
      }
    }
    const oldest = all.at(-1)?.snippet.topLevelComment.snippet.publishedAt;
    if (pageToken && oldest && since !== null && Date.parse(oldest) > Date.parse(since)) {
      // The cursor moves past what was not read: say so, so that someone raises inboxThreadPages.
      deps.context.logger.warn('youtube.inbox-pages-exhausted', {
        accountId: credentials.accountId,
        pages: deps.config.inboxThreadPages,
        oldestRead: oldest,
        since,
      });
    }
    return all;
  };

  /** Every reply of a thread: the thread carries only some of them when there are many (8.3). */
  const replies = async (credentials: Credentials, thread: YoutubeCommentThread) => {
    const included = thread.replies?.comments ?? [];
    if (thread.snippet.totalReplyCount <= included.length) {
      return included;
    }
    const all = [];
    let pageToken: string | undefined;
    do {
      const answer = await api.call(
        {
          operation: 'inbox.pull',
          endpoint: 'comments.list',
          quota: 'comments.list',
          url: `${deps.dataUrl}/comments`,
          query: {
            part: 'snippet',
            parentId: thread.id,
            maxResults: '100',
            textFormat: 'plainText',
            pageToken,
          },
          token: credentials.accessToken,
        },
        commentList,
      );
      all.push(...answer.items);
      pageToken = answer.nextPageToken;
    } while (pageToken);
    return all;
  };

  const moderate = (
    credentials: Credentials,
    id: string,
    status: 'heldForReview' | 'published' | 'rejected',
  ) =>
    api.call(
      {
        operation: status === 'rejected' ? 'inbox.delete' : 'inbox.hide',
        endpoint: 'comments.setModerationStatus',
        quota: 'comments.setModerationStatus',
        method: 'POST',
        url: `${deps.dataUrl}/comments/setModerationStatus`,
        query: { id, moderationStatus: status, banAuthor: 'false' },
        token: credentials.accessToken,
        accept: [204],
      },
      z.unknown(),
    );

  return {
    async pull(credentials, request): Promise<InboxPage> {
      const cursor = readCursor(request.cursor);
      const fresh: Interaction[] = [];
      for (const thread of await threads(credentials, cursor.since)) {
        const top = thread.snippet.topLevelComment;
        const videoId = thread.snippet.videoId ?? top.snippet.videoId ?? '';
        for (const item of [top, ...(await replies(credentials, thread))]) {
          const own = item.snippet.authorChannelId?.value === credentials.accountId;
          if (!own && isNew(cursor, item.snippet.publishedAt, item.id)) {
            fresh.push(commentToInteraction(item, videoId));
          }
        }
      }
      const unique = [...new Map(fresh.map((item) => [item.remoteId, item])).values()];
      unique.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
      const delivered = request.limit ? unique.slice(0, request.limit) : unique;
      return { interactions: delivered, cursor: writeCursor(advance(cursor, delivered)) };
    },

    async reply(credentials, input) {
      // YouTube threads are one level deep: an answer to a reply goes to the thread's top comment.
      const { to } = input;
      const parentId =
        to.inReplyToRemoteId && to.inReplyToRemoteId !== to.conversationId
          ? to.inReplyToRemoteId
          : to.remoteId;
      const answer = await api.call(
        {
          operation: 'inbox.reply',
          endpoint: 'comments.insert',
          quota: 'comments.insert',
          method: 'POST',
          url: `${deps.dataUrl}/comments`,
          query: { part: 'snippet' },
          json: { snippet: { parentId, textOriginal: input.text } },
          token: credentials.accessToken,
        },
        comment,
      );
      return { remoteId: answer.id, url: commentUrl(to.conversationId, parentId) };
    },

    async hide(credentials, input) {
      // There is no "hide" (8.3): held for review is out of public view until published again.
      await moderate(credentials, input.remoteId, input.hidden ? 'heldForReview' : 'published');
    },

    async delete(credentials, input) {
      const answer = await api.call(
        {
          operation: 'inbox.delete',
          endpoint: 'comments.list',
          quota: 'comments.list',
          url: `${deps.dataUrl}/comments`,
          query: { part: 'snippet', id: input.remoteId, textFormat: 'plainText' },
          token: credentials.accessToken,
        },
        commentList,
      );
      const found = answer.items[0];
      if (!found) {
        return; // already gone
      }
      if (found.snippet.authorChannelId?.value === credentials.accountId) {
        await api.call(
          {
            operation: 'inbox.delete',
            endpoint: 'comments.delete',
            quota: 'comments.delete',
            method: 'DELETE',
            url: `${deps.dataUrl}/comments`,
            query: { id: input.remoteId },
            token: credentials.accessToken,
            accept: [204, 404],
          },
          z.unknown(),
        );
        return;
      }
      // Someone else's comment: only the channel owner's moderation can remove it (rejected), 8.3.
      await moderate(credentials, input.remoteId, 'rejected');
    },
  };
}

function isNew(cursor: InboxCursor, publishedAt: string, id: string): boolean {
  if (cursor.since === null) {
    return true;
  }
  const at = Date.parse(publishedAt);
  const since = Date.parse(cursor.since);
  return at > since || (at === since && !cursor.ids.includes(id));
}

function advance(cursor: InboxCursor, delivered: readonly Interaction[]): InboxCursor {
  const last = delivered.at(-1);
  if (!last) {
    return cursor;
  }
  const at = Date.parse(last.createdAt);
  const sameInstant = delivered
    .filter((item) => Date.parse(item.createdAt) === at)
    .map((item) => item.remoteId);
  const carried = cursor.since !== null && Date.parse(cursor.since) === at ? cursor.ids : [];
  return { since: new Date(at).toISOString(), ids: [...new Set([...carried, ...sameInstant])] };
}
