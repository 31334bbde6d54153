import { z, type Interaction, type WebhookCapability } from '@chorus/connector-sdk';
import { metaChallenge, metaSignatureValid, webhookJson } from '@chorus/meta-graph';
import type { FacebookConfig } from '../config.js';
import { authorOf, commentInteraction } from './to-interaction.js';

const author = z.object({ id: z.string(), name: z.string().optional() });
const feedChange = z.object({
  item: z.string(),
  verb: z.string(),
  post_id: z.string().optional(),
  comment_id: z.string().optional(),
  parent_id: z.string().optional(),
  from: author.optional(),
  message: z.string().optional(),
  created_time: z.number().optional(),
});
const messagingEvent = z.object({
  sender: z.object({ id: z.string() }),
  recipient: z.object({ id: z.string() }),
  timestamp: z.number(),
  message: z
    .object({ mid: z.string(), text: z.string().optional(), is_echo: z.boolean().optional() })
    .optional(),
});
const delivery = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: z.string(),
      time: z.number(),
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })).optional(),
      messaging: z.array(z.unknown()).optional(),
    }),
  ),
});

/**
 * Page webhooks (network-apis.md 1.6, 2.3): the hub.challenge handshake, X-Hub-Signature-256 over the raw
 * body, and `feed` (comments), `mention` and Messenger `messages` in batched entries. Anything else in a
 * delivery (reactions, edits, removals, echoes of our own messages) is not an interaction and is skipped.
 */
export function createFacebookWebhook(config: FacebookConfig): WebhookCapability {
  return {
    verify: (request) => metaSignatureValid(config.appSecret, request),
    challenge: (request) => metaChallenge(config.webhookVerifyToken ?? '', request),
    parse(request) {
      const parsed = delivery.safeParse(webhookJson(request));
      if (!parsed.success || parsed.data.object !== 'page') {
        return [];
      }
      const found: Interaction[] = [];
      for (const entry of parsed.data.entry) {
        const channel = { channelAccountId: entry.id };
        for (const change of entry.changes ?? []) {
          const value = feedChange.safeParse(change.value);
          if (!value.success || value.data.verb !== 'add' || value.data.from?.id === entry.id) {
            continue;
          }
          const item = value.data;
          const createdTime = new Date((item.created_time ?? entry.time) * 1000).toISOString();
          if (change.field === 'feed' && item.item === 'comment' && item.comment_id && item.post_id) {
            found.push({
              ...commentInteraction({
                id: item.comment_id,
                message: item.message,
                created_time: createdTime,
                from: item.from,
                parent:
                  item.parent_id && item.parent_id !== item.post_id ? { id: item.parent_id } : undefined,
                postId: item.post_id,
              }),
              ...channel,
            });
          } else if (change.field === 'mention' && item.post_id) {
            const id = item.comment_id ?? item.post_id;
            found.push({
              remoteId: id,
              kind: 'mention',
              conversationId: item.post_id,
              inReplyToRemoteId: null,
              author: authorOf(item.from),
              text: item.message ?? '',
              createdAt: createdTime,
              url: null,
              ...channel,
            });
          }
        }
        for (const raw of entry.messaging ?? []) {
          const event = messagingEvent.safeParse(raw);
          if (!event.success || !event.data.message || event.data.message.is_echo) {
            continue;
          }
          const { sender, message, timestamp } = event.data;
          found.push({
            remoteId: message.mid,
            kind: 'direct-message',
            conversationId: sender.id,
            inReplyToRemoteId: null,
            author: { remoteId: sender.id, handle: sender.id, displayName: null, url: null },
            text: message.text ?? '',
            createdAt: new Date(timestamp).toISOString(),
            url: null,
            ...channel,
          });
        }
      }
      return found;
    },
  };
}
