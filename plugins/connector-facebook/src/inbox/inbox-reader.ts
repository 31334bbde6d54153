import { z, type Credentials, type Interaction } from '@chorus/connector-sdk';
import { collectPages, type GraphClient, graphPage, graphTime } from '@chorus/meta-graph';
import type { FacebookDeps } from '../facebook-deps.js';
import { authorOf, commentInteraction } from './to-interaction.js';

const author = z.object({ id: z.string(), name: z.string().optional() });
const posts = graphPage(z.object({ id: z.string() }));
const comments = graphPage(
  z.object({
    id: z.string(),
    message: z.string().optional(),
    created_time: graphTime,
    from: author.optional(),
    parent: z.object({ id: z.string() }).optional(),
    permalink_url: z.string().optional(),
  }),
);
const tagged = graphPage(
  z.object({
    id: z.string(),
    message: z.string().optional(),
    created_time: graphTime,
    from: author.optional(),
    permalink_url: z.string().optional(),
  }),
);
const conversations = graphPage(z.object({ id: z.string(), updated_time: z.string() }));
const messages = graphPage(
  z.object({
    id: z.string(),
    message: z.string().optional(),
    created_time: graphTime,
    from: author.optional(),
  }),
);

/** Everything addressed to the Page since `since`: comments on recent posts, mentions, Messenger messages. */
export async function readInbox(
  deps: FacebookDeps,
  credentials: Credentials,
  since: string | undefined,
): Promise<Interaction[]> {
  const graph = deps.graph(credentials);
  const page = credentials.accountId;
  const sinceSeconds = since ? Math.floor(Date.parse(since) / 1000) : undefined;
  const read = { operation: 'inbox.pull' as const };
  const recent = await graph.call(
    {
      ...read,
      endpoint: 'posts.read',
      path: `/${page}/published_posts`,
      query: { fields: 'id', limit: deps.config.inboxPostCount },
    },
    posts,
  );
  const found: Interaction[] = [];
  for (const post of recent.data) {
    const items = await collectPages((after) =>
      graph.call(
        {
          ...read,
          endpoint: 'comments.read',
          path: `/${post.id}/comments`,
          query: {
            filter: 'stream',
            order: 'reverse_chronological',
            fields: 'id,message,created_time,from,parent,permalink_url',
            since: sinceSeconds,
            limit: 100,
            after,
          },
        },
        comments,
      ),
    );
    for (const item of items) {
      if (item.from?.id !== page) {
        found.push(commentInteraction({ ...item, postId: post.id }));
      }
    }
  }
  // A permission the person declined narrows the inbox rather than breaking it.
  const granted = (scope: string) => !credentials.scopes || credentials.scopes.includes(scope);
  if (granted('pages_read_user_content')) {
    found.push(...(await readMentions(graph, page, sinceSeconds)));
  }
  if (granted('pages_messaging')) {
    found.push(...(await readMessages(graph, page, since)));
  }
  return found;
}

async function readMentions(
  graph: GraphClient,
  page: string,
  sinceSeconds: number | undefined,
): Promise<Interaction[]> {
  const read = { operation: 'inbox.pull' as const };
  const found: Interaction[] = [];
  const mentions = await collectPages((after) =>
    graph.call(
      {
        ...read,
        endpoint: 'tagged.read',
        path: `/${page}/tagged`,
        query: {
          fields: 'id,message,created_time,from,permalink_url',
          since: sinceSeconds,
          limit: 100,
          after,
        },
      },
      tagged,
    ),
  );
  for (const item of mentions) {
    found.push({
      remoteId: item.id,
      kind: 'mention',
      conversationId: item.id,
      inReplyToRemoteId: null,
      author: authorOf(item.from),
      text: item.message ?? '',
      createdAt: new Date(item.created_time).toISOString(),
      url: item.permalink_url ?? null,
    });
  }
  return found;
}

async function readMessages(
  graph: GraphClient,
  page: string,
  since: string | undefined,
): Promise<Interaction[]> {
  const read = { operation: 'inbox.pull' as const };
  const found: Interaction[] = [];
  // Conversations and messages come newest first: paging stops at the page that reaches the cursor.
  const threads = await collectPages(
    (after) =>
      graph.call(
        {
          ...read,
          endpoint: 'conversations.read',
          path: `/${page}/conversations`,
          query: { platform: 'messenger', fields: 'id,updated_time', limit: 25, after },
        },
        conversations,
      ),
    { since, timeOf: (item) => item.updated_time },
  );
  for (const thread of threads.filter(
    (item) => !since || Date.parse(item.updated_time) >= Date.parse(since),
  )) {
    const answer = await collectPages(
      (after) =>
        graph.call(
          {
            ...read,
            endpoint: 'messages.read',
            path: `/${thread.id}/messages`,
            query: { fields: 'id,message,created_time,from', limit: 50, after },
          },
          messages,
        ),
      { since, timeOf: (item) => item.created_time },
    );
    for (const message of answer.filter((item) => item.from?.id !== page)) {
      found.push({
        remoteId: message.id,
        kind: 'direct-message',
        conversationId: message.from?.id ?? thread.id,
        inReplyToRemoteId: null,
        author: authorOf(message.from),
        text: message.message ?? '',
        createdAt: new Date(message.created_time).toISOString(),
        url: null,
      });
    }
  }
  return found;
}
