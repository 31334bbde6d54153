import { z, type Interaction } from '@chorus/connector-sdk';
import { graphTime } from '@chorus/meta-graph';

/** A reply or mention as the Threads API and its webhooks give it (4.3). */
export const reply = z.object({
  id: z.string(),
  text: z.string().optional(),
  username: z.string().optional(),
  timestamp: graphTime,
  permalink: z.string().optional(),
  replied_to: z.object({ id: z.string() }).optional(),
  // Webhooks also name the root post's owner (4.3): an account's own reply under its own post is recognised.
  root_post: z
    .object({ id: z.string(), owner_id: z.string().optional(), username: z.string().optional() })
    .optional(),
});

export function toInteraction(
  item: z.output<typeof reply>,
  kind: 'comment' | 'mention',
  postId?: string,
): Interaction {
  return {
    remoteId: item.id,
    kind,
    conversationId: item.root_post?.id ?? postId ?? item.id,
    inReplyToRemoteId: kind === 'mention' ? null : (item.replied_to?.id ?? postId ?? null),
    author: {
      remoteId: item.username ?? 'unknown',
      handle: item.username ?? 'threads user',
      displayName: null,
      url: item.username ? `https://www.threads.net/@${item.username}` : null,
    },
    text: item.text ?? '',
    createdAt: new Date(item.timestamp).toISOString(),
    url: item.permalink ?? null,
  };
}
