import {
  z,
  type Credentials,
  type Interaction,
  type ReplyInput,
  type RemotePostRef,
} from '@chorus/connector-sdk';
import { collectPages, graphPage, graphTime } from '@chorus/meta-graph';
import { loginOf, type InstagramDeps } from '../instagram-deps.js';

const conversations = graphPage(z.object({ id: z.string(), updated_time: z.string() }));
const messages = graphPage(
  z.object({
    id: z.string(),
    message: z.string().optional(),
    created_time: graphTime,
    from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  }),
);
const sent = z.object({ recipient_id: z.string(), message_id: z.string().min(1) });

/** Who speaks for the account in Instagram Messaging: itself (Instagram Login) or its Page (Facebook Login). */
function owner(credentials: Credentials): string {
  return loginOf(credentials) === 'facebook'
    ? (credentials.extra?.pageId ?? credentials.accountId)
    : credentials.accountId;
}

/**
 * Direct messages (3.3): conversations, then their messages, both newest first and read page by page back to
 * the inbox cursor (bounded); the account's own are left out.
 */
export async function readMessages(
  deps: InstagramDeps,
  credentials: Credentials,
  since: string | undefined,
): Promise<Interaction[]> {
  const graph = deps.graph(credentials);
  const read = { operation: 'inbox.pull' as const };
  const threads = await collectPages(
    (after) =>
      graph.call(
        {
          ...read,
          endpoint: 'conversations.read',
          path: `/${owner(credentials)}/conversations`,
          query: { platform: 'instagram', fields: 'id,updated_time', limit: 25, after },
        },
        conversations,
      ),
    { since, timeOf: (item) => item.updated_time },
  );
  const found: Interaction[] = [];
  for (const thread of threads) {
    const all = await collectPages(
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
    for (const message of all.filter((item) => item.from && item.from.id !== credentials.accountId)) {
      found.push({
        remoteId: message.id,
        kind: 'direct-message',
        conversationId: message.from!.id,
        inReplyToRemoteId: null,
        author: {
          remoteId: message.from!.id,
          handle: message.from!.username ?? message.from!.id,
          displayName: null,
          url: message.from!.username ? `https://www.instagram.com/${message.from!.username}` : null,
        },
        text: message.message ?? '',
        createdAt: new Date(message.created_time).toISOString(),
        url: null,
      });
    }
  }
  return found;
}

/** An answer within 24 hours of the person's last message (3.3); later, Meta refuses (code 10 / 2018278). */
export async function sendMessage(
  deps: InstagramDeps,
  credentials: Credentials,
  input: ReplyInput,
): Promise<RemotePostRef> {
  const answer = await deps.graph(credentials).call(
    {
      operation: 'inbox.reply',
      endpoint: 'messages.send',
      method: 'POST',
      path: `/${owner(credentials)}/messages`,
      json: { recipient: { id: input.to.author.remoteId }, message: { text: input.text } },
    },
    sent,
  );
  return { remoteId: answer.message_id, url: 'https://www.instagram.com/direct/inbox/' };
}
