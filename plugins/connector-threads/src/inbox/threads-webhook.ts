import { z, type WebhookCapability } from '@chorus/connector-sdk';
import { metaChallenge, metaSignatureValid, readDelivery, readPart } from '@chorus/meta-graph';
import type { ThreadsConfig } from '../config.js';
import { NETWORK } from '../threads-deps.js';
import { reply, toInteraction } from './to-interaction.js';

// Threads' own payload shape (4.3): one value per delivery, under `values`.
const delivery = z.object({
  target_id: z.string(),
  values: z.object({
    field: z.string(),
    value: z.unknown(),
  }),
});

/**
 * A reply the account itself wrote: the webhook names no author id, but under the account's own root post
 * (owner_id = the subscribed account) a reply by the root post's username is the account's (4.3).
 */
function ownReply(item: z.output<typeof reply>, account: string): boolean {
  const root = item.root_post;
  return root?.owner_id === account && root.username !== undefined && item.username === root.username;
}

/**
 * Threads webhooks: the Meta handshake and signature (1.6) with the Threads app secret; `replies` and `mentions`.
 * A delivery that is not JSON or lacks the documented fields throws (invalid-content), so the intake counts it as
 * malformed instead of storing nothing quietly; other fields are skipped, and so are the account's own replies
 * (as the pull skips them).
 */
export function createThreadsWebhook(config: ThreadsConfig): WebhookCapability {
  return {
    verify: (request) => metaSignatureValid(config.appSecret, request),
    challenge: (request) => metaChallenge(config.webhookVerifyToken ?? '', request),
    parse(request) {
      const parsed = readDelivery(NETWORK, request, delivery);
      const { field, value } = parsed.values;
      const kind = field === 'replies' ? 'comment' : field === 'mentions' ? 'mention' : undefined;
      if (!kind) {
        return [];
      }
      const item = readPart(NETWORK, reply, value, `the ${field} value`);
      if (ownReply(item, parsed.target_id)) {
        return []; // the account's own reply, left out as the pull leaves it out
      }
      return [{ ...toInteraction(item, kind), channelAccountId: parsed.target_id }];
    },
  };
}
