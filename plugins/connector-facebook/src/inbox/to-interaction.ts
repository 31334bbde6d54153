import type { Interaction, InteractionAuthor } from '@chorus/connector-sdk';

export interface GraphAuthor {
  readonly id: string;
  readonly name?: string;
}

/** `from` is left out for people when the app lacks pages_read_user_content (2.3). */
export function authorOf(from: GraphAuthor | undefined): InteractionAuthor {
  if (!from) {
    return { remoteId: 'unknown', handle: 'Facebook user', displayName: null, url: null };
  }
  return {
    remoteId: from.id,
    handle: from.name ?? from.id,
    displayName: from.name ?? null,
    url: `https://www.facebook.com/${from.id}`,
  };
}

export function commentInteraction(comment: {
  id: string;
  message?: string;
  created_time: string;
  from?: GraphAuthor;
  parent?: { id: string };
  permalink_url?: string;
  postId: string;
}): Interaction {
  return {
    remoteId: comment.id,
    kind: 'comment',
    conversationId: comment.postId,
    inReplyToRemoteId: comment.parent?.id ?? comment.postId,
    author: authorOf(comment.from),
    text: comment.message ?? '',
    createdAt: new Date(comment.created_time).toISOString(),
    url: comment.permalink_url ?? null,
  };
}
