import { createHmac, randomBytes } from 'node:crypto';
import type { DirectMessageRecord, PostRecord, XFakeState } from './x-fake-state.js';
import { shownText } from './x-fake-tco.js';

export interface WebhookRecord {
  readonly id: string;
  readonly url: string;
  valid: boolean;
  readonly createdAt: string;
}

export interface SignedDelivery {
  readonly rawBody: Uint8Array;
  readonly headers: Record<string, string>;
}

const sign = (secret: string, message: string | Uint8Array) =>
  `sha256=${createHmac('sha256', secret).update(message).digest('base64')}`;

/** v1.1 `created_at` format that Account Activity payloads still carry. */
const legacyDate = (time: number) => {
  const date = new Date(time);
  const [weekday, , , , clock] = date.toUTCString().replace(',', '').split(' ');
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${weekday} ${month} ${day} ${clock} +0000 ${date.getUTCFullYear()}`;
};

/**
 * V2 webhooks + Account Activity: registration with an immediate CRC (base64 HMAC-SHA256 of crc_token, key =
 * consumer secret), re-validation by PUT, per-user subscriptions, and signed deliveries
 * (`x-twitter-webhooks-signature: sha256=<base64>` over the raw body).
 */
export class XFakeWebhooks {
  readonly webhooks = new Map<string, WebhookRecord>();
  readonly subscribedUserIds = new Set<string>();
  private readonly queue: SignedDelivery[] = [];

  constructor(
    private readonly state: XFakeState,
    private readonly consumerSecret: string,
  ) {
    state.listeners.post = (post) => this.onPost(post);
    state.listeners.directMessage = (message) => this.onDirectMessage(message);
  }

  /** Sends a CRC to the URL and checks the answer; X marks the webhook invalid when it fails. */
  async crc(webhook: WebhookRecord): Promise<boolean> {
    const token = randomBytes(18).toString('base64url');
    const url = new URL(webhook.url);
    url.searchParams.set('crc_token', token);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      const body = (await response.json()) as { response_token?: unknown };
      webhook.valid = response.status === 200 && body.response_token === sign(this.consumerSecret, token);
    } catch {
      webhook.valid = false;
    }
    return webhook.valid;
  }

  /** The oldest delivery not yet taken. */
  next(): SignedDelivery | undefined {
    return this.queue.shift();
  }

  pending(): number {
    return this.queue.length;
  }

  signed(payload: unknown): SignedDelivery {
    const rawBody = Buffer.from(JSON.stringify(payload));
    return {
      rawBody,
      headers: {
        'content-type': 'application/json',
        'x-twitter-webhooks-signature': sign(this.consumerSecret, rawBody),
      },
    };
  }

  private onPost(post: PostRecord): void {
    const author = this.state.users.get(post.authorId)!;
    for (const userId of this.subscribedUserIds) {
      const user = this.state.users.get(userId)!;
      const concerns =
        post.authorId === userId || this.state.mentionsOf(user).some((item) => item.id === post.id);
      if (!concerns) {
        continue;
      }
      this.queue.push(
        this.signed({
          for_user_id: userId,
          user_has_blocked: false,
          tweet_create_events: [
            {
              created_at: legacyDate(post.createdAt),
              id_str: post.id,
              text: shownText(post.text).text,
              in_reply_to_status_id_str: post.inReplyToId,
              in_reply_to_user_id_str: post.inReplyToUserId,
              user: { id_str: author.id, name: author.name, screen_name: author.username },
            },
          ],
        }),
      );
    }
  }

  private onDirectMessage(message: DirectMessageRecord): void {
    for (const userId of [message.senderId, message.recipientId]) {
      if (!this.subscribedUserIds.has(userId)) {
        continue;
      }
      const users = Object.fromEntries(
        [message.senderId, message.recipientId].map((id) => {
          const user = this.state.users.get(id)!;
          return [id, { id, name: user.name, screen_name: user.username }];
        }),
      );
      this.queue.push(
        this.signed({
          for_user_id: userId,
          direct_message_events: [
            {
              type: 'message_create',
              id: message.id,
              created_timestamp: String(message.createdAt),
              message_create: {
                target: { recipient_id: message.recipientId },
                sender_id: message.senderId,
                message_data: { text: message.text },
              },
            },
          ],
          users,
        }),
      );
    }
  }
}
