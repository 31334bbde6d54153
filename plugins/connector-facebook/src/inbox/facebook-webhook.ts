import { z, type Interaction, type WebhookCapability } from '@chorus/connector-sdk';
import {
  metaChallenge,
  metaSignatureValid,
  readDelivery,
  readPart,
  unixMillis,
  unixSeconds,
} from '@chorus/meta-graph';
import type { FacebookConfig } from '../config.js';
import { NETWORK } from '../facebook-deps.js';
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
  created_time: unixSeconds.optional(),
});
// The parts Chorus stores: a new comment names its comment and post, a mention its post (1.6, 2.3).
const commentAdded = feedChange.extend({ post_id: z.string(), comment_id: z.string() });
const mentionAdded = feedChange.extend({ post_id: z.string() });
const messagingEvent = z.object({
  sender: z.object({ id: z.string() }),
  recipient: z.object({ id: z.string() }),
  timestamp: unixMillis,
  message: z
    .object({ mid: z.string(), text: z.string().optional(), is_echo: z.boolean().optional() })
    .optional(),
});
// Read first on its own: a delivery of another object is not ours to read, whatever its entries look like.
const envelope = z.object({ object: z.string() });
const delivery = z.object({
  object: z.literal('page'),
  entry: z.array(
    z.object({
      id: z.string(),
      time: unixSeconds,
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })).optional(),
      messaging: z.array(z.unknown()).optional(),
    }),
  ),
});

/**
 * Page webhooks (network-apis.md 1.6, 2.3): the hub.challenge handshake, X-Hub-Signature-256 over the raw
 * body, and `feed` (comments), `mention` and Messenger `messages` in batched entries. Anything else in a
 * delivery (reactions, edits, removals, echoes of our own messages) is not an interaction and is skipped; a
 * delivery that is not JSON, or a `feed`/`mention` change or message event without its documented fields,
 * throws (invalid-content), so the intake counts it as malformed instead of storing nothing quietly.
 */
export function createFacebookWebhook(config: FacebookConfig): WebhookCapability {
  return {
    verify: (request) => metaSignatureValid(config.appSecret, request),
    challenge: (request) => metaChallenge(config.webhookVerifyToken ?? '', request),
    parse(request) {
      const raw = readDelivery(NETWORK, request, z.unknown());
      if (readPart(NETWORK, envelope, raw, 'the delivery').object !== 'page') {
        return []; // another object's delivery (user, permissions), of its own shape: nothing of a Page's inbox
      }
      const parsed = readPart(NETWORK, delivery, raw, 'the delivery');
      const found: Interaction[] = [];
      for (const [index, entry] of parsed.entry.entries()) {
        const channel = { channelAccountId: entry.id };
        for (const change of entry.changes ?? []) {
          if (change.field !== 'feed' && change.field !== 'mention') {
            continue;
          }
          const where = `the ${change.field} change of entry ${index}`;
          const item = readPart(NETWORK, feedChange, change.value, where);
          if (item.verb !== 'add') {
            continue;
          }
          const createdTime = new Date((item.created_time ?? entry.time) * 1000).toISOString();
          if (change.field === 'feed' && item.item === 'comment') {
            const comment = readPart(NETWORK, commentAdded, change.value, where);
            if (comment.from?.id === entry.id) {
              continue; // the Page's own comment
            }
            found.push({
              ...commentInteraction({
                id: comment.comment_id,
                message: comment.message,
                created_time: createdTime,
                from: comment.from,
                parent:
                  comment.parent_id && comment.parent_id !== comment.post_id
                    ? { id: comment.parent_id }
                    : undefined,
                postId: comment.post_id,
              }),
              ...channel,
            });
          } else if (change.field === 'mention') {
            const mention = readPart(NETWORK, mentionAdded, change.value, where);
            if (mention.from?.id === entry.id) {
              continue;
            }
            found.push({
              remoteId: mention.comment_id ?? mention.post_id,
              kind: 'mention',
              conversationId: mention.post_id,
              inReplyToRemoteId: null,
              author: authorOf(mention.from),
              text: mention.message ?? '',
              createdAt: createdTime,
              url: null,
              ...channel,
            });
          }
        }
        for (const raw of entry.messaging ?? []) {
          // Delivery and read receipts carry no `message`: not an interaction.
          const event = hasMessage(raw)
            ? readPart(NETWORK, messagingEvent, raw, `a messaging event of entry ${index}`)
            : undefined;
          if (!event?.message || event.message.is_echo) {
            continue;
          }
          const { sender, message, timestamp } = event;
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

function hasMessage(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'message' in raw;
}
