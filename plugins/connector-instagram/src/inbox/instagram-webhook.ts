import { z, type Credentials, type Interaction, type WebhookCapability } from '@chorus/connector-sdk';
import { metaChallenge, metaSignatureValid, webhookJson } from '@chorus/meta-graph';
import type { InstagramConfig } from '../config.js';

const comment = z.object({
  id: z.string(),
  text: z.string().optional(),
  parent_id: z.string().optional(),
  from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  media: z.object({ id: z.string() }),
});
const messagingEvent = z.object({
  sender: z.object({ id: z.string() }),
  timestamp: z.number(),
  message: z.object({ mid: z.string(), text: z.string().optional(), is_echo: z.boolean().optional() }),
});
const mention = z.object({
  media_id: z.string(),
  comment_id: z.string().optional(),
  text: z.string().optional(),
});
const delivery = z.object({
  object: z.literal('instagram'),
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
 * Instagram webhooks (1.6, 3.3): the same handshake and signature as every Meta webhook, signed with the app
 * secret of the login in use; `comments` and `mentions` changes and `messages` events. A `mentions` change names
 * a media (caption) or a media and a comment: parsed as a mention of that media or comment, filled in by
 * `complete` with the channel's credentials (ADR 0021).
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
      const parsed = delivery.safeParse(webhookJson(request));
      if (!parsed.success) {
        return [];
      }
      const found: Interaction[] = [];
      for (const entry of parsed.data.entry) {
        const createdAt = new Date(entry.time * 1000).toISOString();
        for (const change of entry.changes ?? []) {
          if (change.field === 'comments') {
            const value = comment.safeParse(change.value);
            if (value.success && value.data.from?.id !== entry.id) {
              const item = value.data;
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
            const value = mention.safeParse(change.value);
            if (value.success) {
              found.push(mentionOf(value.data, createdAt, entry.id));
            }
          }
        }
        for (const raw of entry.messaging ?? []) {
          const event = messagingEvent.safeParse(raw);
          if (event.success && !event.data.message.is_echo && event.data.sender.id !== entry.id) {
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
