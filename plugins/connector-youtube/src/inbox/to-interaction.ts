import type { Interaction } from '@chorus/connector-sdk';
import type { YoutubeComment } from '../api/youtube-schemas.js';
import { commentUrl } from '../youtube-deps.js';

/** A comment as an inbox interaction: conversations are videos; a reply answers its thread's top comment. */
export function commentToInteraction(comment: YoutubeComment, videoId: string): Interaction {
  const { snippet } = comment;
  const authorId = snippet.authorChannelId?.value ?? '';
  return {
    remoteId: comment.id,
    kind: 'comment',
    conversationId: videoId,
    inReplyToRemoteId: snippet.parentId ?? videoId,
    author: {
      remoteId: authorId,
      handle: snippet.authorDisplayName || authorId,
      displayName: snippet.authorDisplayName || null,
      url: snippet.authorChannelUrl ?? (authorId ? `https://www.youtube.com/channel/${authorId}` : null),
    },
    text: snippet.textOriginal ?? snippet.textDisplay ?? '',
    createdAt: snippet.publishedAt,
    url: commentUrl(videoId, snippet.parentId ?? comment.id),
  };
}
