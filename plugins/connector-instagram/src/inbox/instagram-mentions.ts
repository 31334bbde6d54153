import { z, type Credentials, type Interaction } from '@chorus/connector-sdk';
import { collectPages, graphPage, graphTime } from '@chorus/meta-graph';
import type { InstagramDeps } from '../instagram-deps.js';

const media = z.object({
  id: z.string(),
  caption: z.string().optional(),
  timestamp: graphTime,
  username: z.string().optional(),
  permalink: z.string().optional(),
});
const comment = z.object({
  id: z.string(),
  text: z.string().optional(),
  timestamp: graphTime,
  username: z.string().optional(),
  from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  media: z.object({ id: z.string(), permalink: z.string().optional() }).optional(),
});
const MEDIA_FIELDS = 'id,caption,timestamp,username,permalink';
const COMMENT_FIELDS = 'id,text,timestamp,username,from,media{id,permalink}';

/**
 * Media the account is tagged in (`GET /{user}/tags`, 3.3), newest first, read back to the inbox cursor. An
 * @-mention in a caption or a comment is not listed anywhere: it arrives by the `mentions` webhook, completed
 * by `completeMention`.
 */
export async function readTags(
  deps: InstagramDeps,
  credentials: Credentials,
  since: string | undefined,
): Promise<Interaction[]> {
  const graph = deps.graph(credentials);
  const items = await collectPages(
    (after) =>
      graph.call(
        {
          operation: 'inbox.pull',
          endpoint: 'tags.read',
          path: `/${credentials.accountId}/tags`,
          query: { fields: MEDIA_FIELDS, limit: 50, after },
        },
        graphPage(media),
      ),
    { since, timeOf: (item) => item.timestamp },
  );
  return items.map((item) => mediaMention(item));
}

/**
 * A `mentions` delivery names a media (caption mention) or a media and a comment; the text, author and link
 * come from `mentioned_media.media_id(<id>)` or `mentioned_comment.comment_id(<id>)` on the account (3.3).
 */
export async function completeMention(
  deps: InstagramDeps,
  credentials: Credentials,
  interaction: Interaction,
): Promise<Interaction> {
  const graph = deps.graph(credentials);
  const read = {
    operation: 'inbox.pull' as const,
    endpoint: 'mentions.read',
    path: `/${credentials.accountId}`,
  };
  if (interaction.remoteId === interaction.conversationId) {
    const found = await graph.call(
      { ...read, query: { fields: `mentioned_media.media_id(${interaction.remoteId}){${MEDIA_FIELDS}}` } },
      z.object({ mentioned_media: media }),
    );
    return { ...mediaMention(found.mentioned_media), channelAccountId: interaction.channelAccountId };
  }
  const found = await graph.call(
    {
      ...read,
      query: { fields: `mentioned_comment.comment_id(${interaction.remoteId}){${COMMENT_FIELDS}}` },
    },
    z.object({ mentioned_comment: comment }),
  );
  const item = found.mentioned_comment;
  return {
    ...interaction,
    author: authorOf(item.from?.id, item.from?.username ?? item.username),
    text: item.text ?? '',
    createdAt: new Date(item.timestamp).toISOString(),
    url: item.media?.permalink ?? null,
  };
}

function mediaMention(item: z.output<typeof media>): Interaction {
  return {
    remoteId: item.id,
    kind: 'mention',
    conversationId: item.id,
    inReplyToRemoteId: null,
    author: authorOf(undefined, item.username),
    text: item.caption ?? '',
    createdAt: new Date(item.timestamp).toISOString(),
    url: item.permalink ?? null,
  };
}

function authorOf(id: string | undefined, handle: string | undefined): Interaction['author'] {
  return {
    remoteId: id ?? handle ?? 'unknown',
    handle: handle ?? 'instagram user',
    displayName: null,
    url: handle ? `https://www.instagram.com/${handle}` : null,
  };
}
