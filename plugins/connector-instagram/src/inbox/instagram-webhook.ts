import { z, type Credentials, type Interaction, type WebhookCapability } from '@chorus/connector-sdk';
import {
  metaChallenge,
  metaSignatureValid,
  readDelivery,
  readPart,
  unixMillis,
  unixSeconds,
} from '@chorus/meta-graph';
import type { InstagramConfig } from '../config.js';
import { NETWORK } from '../instagram-deps.js';

const comment = z.object({
  id: z.string(),
  text: z.string().optional(),
  parent_id: z.string().optional(),
  from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  media: z.object({ id: z.string() }),
});
const messagingEvent = z.object({
  sender: z.object({ id: z.string() }),
  timestamp: unixMillis,
  message: z.object({ mid: z.string(), text: z.string().optional(), is_echo: z.boolean().optional() }),
});
const mention = z.object({
  media_id: z.string(),
  comment_id: z.string().optional(),
  text: z.string().optional(),
});
// Read first on its own: a delivery of another object (page, user, permissions) is not ours to read.
const envelope = z.object({ object: z.string() });
const delivery = z.object({
  object: z.literal('instagram'),
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
 * Instagram webhooks (1.6, 3.3): the same handshake and signature as every Meta webhook, signed with the app
 * secret of the login in use; `comments` and `mentions` changes and `messages` events. A `mentions` change names
 * a media (caption) or a media and a comment: parsed as a mention of that media or comment, filled in by
 * `complete` with the channel's credentials (ADR 0021). Deliveries of other objects and fields Chorus does not read
 * are not interactions and give []; a delivery that is not JSON, or a `comments`/`mentions` change or message
 * event without its documented fields, throws (invalid-content): the intake counts it as malformed instead of
 * storing nothing quietly.
 */
export function createInstagramWebhook(
  config: InstagramConfig,
  completeMention: (credentials: Credentials, interaction: Interaction) => Promise<Interaction>,
): WebhookCapability {
  const secrets = [config.instagramAppSecret, config.facebookAppSecret].filter((secret): secret is string =>
    Boolean(secret),
  );
  return {
    verify: (request) => secrets.some((secret) => metaSignatureValid(secret, request)),
    challenge: (request) => metaChallenge(config.webhookVerifyToken ?? '', request),
    complete: (credentials, interaction) =>
      interaction.kind === 'mention' && interaction.text === ''
        ? completeMention(credentials, interaction)
        : Promise.resolve(interaction),
    parse(request) {
      const raw = readDelivery(NETWORK, request, z.unknown());
      if (readPart(NETWORK, envelope, raw, 'the delivery').object !== 'instagram') {
        return []; // another object's delivery: nothing of an Instagram account's inbox
      }
      const parsed = readPart(NETWORK, delivery, raw, 'the delivery');
      const found: Interaction[] = [];
      for (const [index, entry] of parsed.entry.entries()) {
        const createdAt = new Date(entry.time * 1000).toISOString();
        for (const change of entry.changes ?? []) {
          const where = `the ${change.field} change of entry ${index}`;
          if (change.field === 'comments') {
            const item = readPart(NETWORK, comment, change.value, where);
            if (item.from?.id !== entry.id) {
              found.push({
                remoteId: item.id,
                kind: 'comment',
                conversationId: item.media.id,
                inReplyToRemoteId: item.parent_id ?? item.media.id,
                author: {
                  remoteId: item.from?.id ?? 'unknown',
                  handle: item.from?.username ?? 'instagram user',
                  displayName: null,
                  url: item.from?.username ? `https://www.instagram.com/${item.from.username}` : null,
                },
                text: item.text ?? '',
                createdAt,
                url: null,
                channelAccountId: entry.id,
              });
            }
          } else if (change.field === 'mentions') {
            found.push(mentionOf(readPart(NETWORK, mention, change.value, where), createdAt, entry.id));
          }
        }
        for (const raw of entry.messaging ?? []) {
          // Read receipts and reactions carry no `message`: not an interaction.
          if (!hasMessage(raw)) {
            continue;
          }
          const event = readPart(NETWORK, messagingEvent, raw, `a messaging event of entry ${index}`);
          if (!event.message.is_echo && event.sender.id !== entry.id) {
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
              channelAccountId: entry.id,
            });
          }
        }
      }
      return found;
    },
  };
}

/** A mention of the account in a caption (the media) or in a comment under a media. */
function mentionOf(value: z.output<typeof mention>, createdAt: string, account: string): Interaction {
  return {
    remoteId: value.comment_id ?? value.media_id,
    kind: 'mention',
    conversationId: value.media_id,
    inReplyToRemoteId: value.comment_id ? value.media_id : null,
    author: { remoteId: 'unknown', handle: 'instagram user', displayName: null, url: null },
    text: value.text ?? '',
    createdAt,
    url: null,
    channelAccountId: account,
  };
}

function hasMessage(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'message' in raw;
}
