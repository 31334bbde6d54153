import { createHmac } from 'node:crypto';
import {
  verifyHmacSignature,
  z,
  type Interaction,
  type WebhookCapability,
  type WebhookRequest,
} from '@chorus/connector-sdk';
import { conversationOf } from './conversation-id.js';
import { postUrl, type XDeps } from '../x-deps.js';

const SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

const legacyUser = z.object({ id_str: z.string(), screen_name: z.string(), name: z.string().optional() });
const delivery = z.object({
  for_user_id: z.string().regex(/^\d+$/u),
  tweet_create_events: z
    .array(
      z.object({
        id_str: z.string(),
        text: z.string().default(''),
        created_at: z.string().optional(),
        in_reply_to_status_id_str: z.string().nullable().optional(),
        in_reply_to_user_id_str: z.string().nullable().optional(),
        user: legacyUser,
      }),
    )
    .optional(),
  direct_message_events: z
    .array(
      z.object({
        type: z.string(),
        id: z.string(),
        created_timestamp: z.string().optional(),
        message_create: z
          .object({
            target: z.object({ recipient_id: z.string() }),
            sender_id: z.string(),
            message_data: z.object({ text: z.string().default('') }),
          })
          .optional(),
      }),
    )
    .optional(),
  users: z
    .record(z.string(), z.object({ id: z.string(), screen_name: z.string(), name: z.string().optional() }))
    .optional(),
});

const toIso = (value: string | undefined, epochMs?: string) => {
  const time = epochMs ? Number(epochMs) : value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(time) ? new Date(time).toISOString() : new Date().toISOString();
};

/**
 * Account Activity webhooks (network-apis.md 5.3, 0.2): the CRC answer is `sha256=` + base64 HMAC-SHA256 of
 * crc_token, and each delivery carries `x-twitter-webhooks-signature: sha256=<base64>` over the raw body, both
 * keyed with the app's consumer secret.
 */
export function createXWebhook(deps: XDeps): WebhookCapability {
  const secret = deps.config.consumerSecret;
  return {
    verify(request: WebhookRequest): boolean {
      if (!secret) {
        return false;
      }
      return verifyHmacSignature({
        algorithm: 'sha256',
        key: secret,
        payload: request.rawBody,
        signature: request.headers[SIGNATURE_HEADER],
        encoding: 'base64',
        prefix: 'sha256=',
      });
    },

    challenge(request) {
      const token = request.query?.crc_token;
      if (!secret || !token) {
        return null;
      }
      const responseToken = `sha256=${createHmac('sha256', secret).update(token).digest('base64')}`;
      return {
        status: 200,
        body: JSON.stringify({ response_token: responseToken }),
        contentType: 'application/json',
      };
    },

    parse(request: WebhookRequest): Interaction[] {
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(request.rawBody).toString('utf8'));
      } catch (cause) {
        throw new Error('The X webhook delivery is not JSON', { cause });
      }
      const parsed = delivery.safeParse(json);
      if (!parsed.success) {
        throw new Error(
          `The X webhook delivery has no for_user_id or malformed events: ${parsed.error.message}`,
        );
      }
      const body = parsed.data;
      const me = body.for_user_id;
      const interactions: Interaction[] = [];
      for (const event of body.tweet_create_events ?? []) {
        if (event.user.id_str === me) {
          continue;
        }
        const comment = event.in_reply_to_user_id_str === me && Boolean(event.in_reply_to_status_id_str);
        interactions.push({
          remoteId: event.id_str,
          kind: comment ? 'comment' : 'mention',
          // Account Activity posts carry no conversation_id: a reply is grouped under the post it answers.
          conversationId: event.in_reply_to_status_id_str ?? event.id_str,
          inReplyToRemoteId: event.in_reply_to_status_id_str ?? null,
          author: {
            remoteId: event.user.id_str,
            handle: event.user.screen_name,
            displayName: event.user.name ?? null,
            url: `https://x.com/${event.user.screen_name}`,
          },
          text: event.text,
          createdAt: toIso(event.created_at),
          url: postUrl(event.user.screen_name, event.id_str),
          channelAccountId: me,
        });
      }
      for (const event of body.direct_message_events ?? []) {
        const message = event.message_create;
        if (event.type !== 'message_create' || !message || message.sender_id === me) {
          continue;
        }
        const sender = body.users?.[message.sender_id];
        interactions.push({
          remoteId: event.id,
          kind: 'direct-message',
          conversationId: conversationOf(message.sender_id, message.target.recipient_id),
          inReplyToRemoteId: null,
          author: {
            remoteId: message.sender_id,
            handle: sender?.screen_name ?? message.sender_id,
            displayName: sender?.name ?? null,
            url: sender ? `https://x.com/${sender.screen_name}` : null,
          },
          text: message.message_data.text,
          createdAt: toIso(undefined, event.created_timestamp),
          url: null,
          channelAccountId: me,
        });
      }
      return interactions;
    },
  };
}
