import { z, type WebhookCapability } from '@chorus/connector-sdk';
import { metaChallenge, metaSignatureValid, webhookJson } from '@chorus/meta-graph';
import type { ThreadsConfig } from '../config.js';
import { reply, toInteraction } from './to-interaction.js';

// Threads' own payload shape (4.3): one value per delivery, under `values`.
const delivery = z.object({
  target_id: z.string(),
  values: z.object({
    field: z.string(),
    value: reply,
  }),
});

/** Threads webhooks: the Meta handshake and signature (1.6) with the Threads app secret; `replies` and `mentions`. */
export function createThreadsWebhook(config: ThreadsConfig): WebhookCapability {
  return {
    verify: (request) => metaSignatureValid(config.appSecret, request),
    challenge: (request) => metaChallenge(config.webhookVerifyToken ?? '', request),
    parse(request) {
      const parsed = delivery.safeParse(webhookJson(request));
      if (!parsed.success) {
        return [];
      }
      const { field, value } = parsed.data.values;
      const kind = field === 'replies' ? 'comment' : field === 'mentions' ? 'mention' : undefined;
      return kind ? [{ ...toInteraction(value, kind), channelAccountId: parsed.data.target_id }] : [];
    },
  };
}
