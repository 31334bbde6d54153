import { z, type Credentials, type Interaction } from '@chorus/connector-sdk';
import { collectPages, type GraphClient, graphPage, graphTime } from '@chorus/meta-graph';
import type { InstagramDeps } from '../instagram-deps.js';

const recent = graphPage(z.object({ id: z.string(), permalink: z.string().optional() }));
const comment = z.object({
  id: z.string(),
  text: z.string().optional(),
  timestamp: graphTime,
  username: z.string().optional(),
  from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  parent_id: z.string().optional(),
});
type Comment = z.output<typeof comment>;
const replyPage = graphPage(comment);
const comments = graphPage(comment.extend({ replies: replyPage.optional() }));

const FIELDS = 'id,text,timestamp,username,from{id,username},parent_id';
const PAGE_SIZE = 50;
// Replies come embedded with their comment (field expansion, 1.5 and 3.3): one call per media, not per comment.
const TOP_FIELDS = `${FIELDS},replies.limit(${PAGE_SIZE}){${FIELDS}}`;

/**
 * Comments on the account's last `inboxMediaCount` media and the replies under each (3.3): the comments edge
 * lists top-level comments, each with its replies expanded in the same answer (`replies{...}`); only a comment
 * with more replies than one embedded page is read further through `GET /{comment}/replies`. Every edge is read
 * page by page (bounded); the account's own comments are left out. A comment's link is its media's permalink.
 */
export async function readComments(deps: InstagramDeps, credentials: Credentials): Promise<Interaction[]> {
  const graph = deps.graph(credentials);
  const media = await graph.call(
    {
      operation: 'inbox.pull',
      endpoint: 'media.list',
      path: `/${credentials.accountId}/media`,
      query: { fields: 'id,permalink', limit: deps.config.inboxMediaCount },
    },
    recent,
  );
  const found: Interaction[] = [];
  for (const item of media.data) {
    const top = await collectPages((after) =>
      graph.call(
        {
          operation: 'inbox.pull',
          endpoint: 'comments.read',
          path: `/${item.id}/comments`,
          query: { fields: TOP_FIELDS, limit: PAGE_SIZE, after },
        },
        comments,
      ),
    );
    const replies: Comment[] = [];
    for (const parent of top) {
      const embedded = parent.replies;
      const more = embedded?.paging?.next
        ? await moreReplies(graph, parent.id, embedded.paging.cursors?.after)
        : [];
      for (const reply of [...(embedded?.data ?? []), ...more]) {
        replies.push({ ...reply, parent_id: reply.parent_id ?? parent.id });
      }
    }
    for (const entry of [...top, ...replies].filter((each) => each.from?.id !== credentials.accountId)) {
      found.push(toInteraction(entry, item.id, item.permalink ?? null));
    }
  }
  return found;
}

/** The replies past the embedded page, from `GET /{comment}/replies` after its cursor. */
function moreReplies(graph: GraphClient, commentId: string, from: string | undefined): Promise<Comment[]> {
  return collectPages((after) =>
    graph.call(
      {
        operation: 'inbox.pull',
        endpoint: 'replies.read',
        path: `/${commentId}/replies`,
        query: { fields: FIELDS, limit: PAGE_SIZE, after: after ?? from },
      },
      replyPage,
    ),
  );
}

function toInteraction(item: Comment, mediaId: string, permalink: string | null): Interaction {
  const handle = item.from?.username ?? item.username;
  return {
    remoteId: item.id,
    kind: 'comment',
    conversationId: mediaId,
    inReplyToRemoteId: item.parent_id ?? mediaId,
    author: {
      remoteId: item.from?.id ?? handle ?? 'unknown',
      handle: handle ?? 'instagram user',
      displayName: null,
      url: handle ? `https://www.instagram.com/${handle}` : null,
    },
    text: item.text ?? '',
    createdAt: new Date(item.timestamp).toISOString(),
    url: permalink,
  };
}
