import type { Interaction } from '@chorus/connector-sdk';
import type { CommentOrMessage } from '../api/reddit-schemas.js';
import { permalinkUrl } from '../reddit-deps.js';

/** The post a comment belongs to, from its `link_id` or the `/comments/<id>/` of its context link. */
function postOf(item: CommentOrMessage): string | undefined {
  if (item.link_id) {
    return item.link_id;
  }
  const id = /\/comments\/([a-z0-9]+)\//u.exec(item.context ?? '')?.[1];
  return id ? `t3_${id}` : undefined;
}

/**
 * An inbox item (12.3) as an interaction: a username mention is a mention, any other comment (a reply to the
 * account's post or comment) a comment, a `t4` private message a direct message grouped by its first message.
 */
export function toInteraction(item: CommentOrMessage, kind: 't1' | 't4'): Interaction {
  const author = item.author ?? '[deleted]';
  const fullAuthor = typeof item.author_fullname === 'string' ? item.author_fullname : undefined;
  const common = {
    remoteId: item.name,
    author: {
      remoteId: fullAuthor ?? author,
      handle: author,
      displayName: null,
      url: item.author ? `https://www.reddit.com/user/${item.author}` : null,
    },
    text: item.body,
    createdAt: new Date(item.created_utc * 1000).toISOString(),
  };
  if (kind === 't4') {
    return {
      ...common,
      kind: 'direct-message',
      conversationId: item.first_message_name ?? item.name,
      inReplyToRemoteId: item.parent_id ?? null,
      url: null,
    };
  }
  const mention = item.type === 'username_mention' || item.subject === 'username mention';
  return {
    ...common,
    kind: mention ? 'mention' : 'comment',
    conversationId: postOf(item) ?? item.name,
    inReplyToRemoteId: item.parent_id ?? null,
    url: item.context ? permalinkUrl(item.context) : null,
  };
}
