import type { Interaction, InteractionAuthor } from '@chorus/connector-sdk';
import type { DmEvent, XPost, XUser } from '../api/x-schemas.js';
import { postUrl } from '../x-deps.js';

export function authorOf(id: string, users: readonly XUser[]): InteractionAuthor {
  const user = users.find((item) => item.id === id);
  return {
    remoteId: id,
    handle: user?.username ?? id,
    displayName: user?.name ?? null,
    url: user ? `https://x.com/${user.username}` : null,
  };
}

/** A reply to one of the account's posts is a comment; any other post naming the account is a mention. */
export function postToInteraction(post: XPost, accountId: string, users: readonly XUser[]): Interaction {
  const repliedTo = post.referenced_tweets?.find((item) => item.type === 'replied_to')?.id ?? null;
  const author = authorOf(post.author_id ?? '', users);
  return {
    remoteId: post.id,
    kind: repliedTo && post.in_reply_to_user_id === accountId ? 'comment' : 'mention',
    conversationId: post.conversation_id ?? post.id,
    inReplyToRemoteId: repliedTo,
    author,
    text: post.text,
    createdAt: post.created_at ?? new Date().toISOString(),
    url: postUrl(author.handle === author.remoteId ? undefined : author.handle, post.id),
  };
}

export function messageToInteraction(event: DmEvent, users: readonly XUser[]): Interaction {
  return {
    remoteId: event.id,
    kind: 'direct-message',
    conversationId: event.dm_conversation_id ?? event.sender_id ?? event.id,
    inReplyToRemoteId: null,
    author: authorOf(event.sender_id ?? '', users),
    text: event.text,
    createdAt: event.created_at ?? new Date().toISOString(),
    url: null,
  };
}

/** Oldest first; ids are 64-bit and grow with time. */
export function oldestFirst(items: Interaction[]): Interaction[] {
  return items.sort((a, b) => {
    const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
    if (byTime !== 0) {
      return byTime;
    }
    return BigInt(a.remoteId) < BigInt(b.remoteId) ? -1 : BigInt(a.remoteId) > BigInt(b.remoteId) ? 1 : 0;
  });
}
