import { z, type Credentials, type Interaction } from '@chorus/connector-sdk';
import { collectPages, graphPage, type GraphClient } from '@chorus/meta-graph';
import type { InstagramDeps } from '../instagram-deps.js';

const recent = graphPage(z.object({ id: z.string(), permalink: z.string().optional() }));
const comment = z.object({
  id: z.string(),
  text: z.string().optional(),
  timestamp: z.string(),
  username: z.string().optional(),
  from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  parent_id: z.string().optional(),
});
const comments = graphPage(comment);
type Comment = z.output<typeof comment>;

const FIELDS = 'id,text,timestamp,username,from{id,username},parent_id';
const PAGE_SIZE = 50;

/**
 * Comments on the account's last `inboxMediaCount` media and the replies under each (3.3): the comments edge
 * lists top-level comments only, replies come from `GET /{comment}/replies`. Every edge is read page by page
 * (bounded); the account's own comments are left out. A comment's link is its media's permalink.
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
    const top = await readEdge(graph, `/${item.id}/comments`, 'comments.read');
    const replies: Comment[] = [];
    for (const parent of top) {
      replies.push(...(await readEdge(graph, `/${parent.id}/replies`, 'replies.read')));
    }
    for (const entry of [...top, ...replies].filter((each) => each.from?.id !== credentials.accountId)) {
      found.push(toInteraction(entry, item.id, item.permalink ?? null));
    }
  }
  return found;
}

function readEdge(graph: GraphClient, path: string, endpoint: string): Promise<Comment[]> {
  return collectPages((after) =>
    graph.call(
      { operation: 'inbox.pull', endpoint, path, query: { fields: FIELDS, limit: PAGE_SIZE, after } },
      comments,
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
