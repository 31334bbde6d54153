import {
  verifyHmacSignature,
  type Interaction,
  type WebhookCapability,
  type WebhookRequest,
} from '@chorus/connector-sdk';
import { accountKey } from '../api/account-ref.js';
import type { MastodonConfig } from '../config.js';
import { classifyStatus, toInteraction } from '../inbox/to-interaction.js';
import {
  adminWebhookEventSchema,
  adminWebhookStatusSchema,
  type AdminWebhookStatus,
} from './admin-webhook-event.js';

/** Mastodon signs with `X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`. */
export const SIGNATURE_HEADER = 'x-hub-signature';

export class MalformedWebhookError extends Error {
  override readonly name = 'MalformedWebhookError';
}

type AdminWebhook = MastodonConfig['webhooks'][number];

/**
 * Instance-admin webhooks: a server whose admin registered Chorus for `status.created` posts every local
 * status; the ones that mention or answer an account become interactions addressed to that account.
 */
export function createMastodonWebhook(config: MastodonConfig): WebhookCapability {
  return {
    verify: (request) => signedBy(config.webhooks, request) !== undefined,
    parse(request): Interaction[] {
      const webhook = signedBy(config.webhooks, request);
      if (webhook === undefined) {
        throw new MalformedWebhookError('This delivery is not signed by a configured Mastodon webhook');
      }
      const event = adminWebhookEventSchema.safeParse(readJson(request.rawBody));
      if (!event.success) {
        throw new MalformedWebhookError(
          'This is not a Mastodon webhook delivery: event, created_at or object is missing',
        );
      }
      if (event.data.event !== 'status.created') {
        return [];
      }
      const status = adminWebhookStatusSchema.safeParse(event.data.object);
      if (!status.success) {
        const field = status.error.issues[0]?.path.join('.') ?? 'object';
        throw new MalformedWebhookError(
          `The status.created object is not a Mastodon status (object.${field})`,
        );
      }
      return interactionsOf(status.data, webhook.instanceUrl);
    },
  };
}

/** The configured webhook whose secret signed the exact bytes received; every secret is tried in constant time. */
function signedBy(webhooks: readonly AdminWebhook[], request: WebhookRequest): AdminWebhook | undefined {
  const signature = headerValue(request, SIGNATURE_HEADER);
  let match: AdminWebhook | undefined;
  for (const webhook of webhooks) {
    const genuine = verifyHmacSignature({
      algorithm: 'sha256',
      key: webhook.secret,
      payload: request.rawBody,
      signature,
      encoding: 'hex',
      prefix: 'sha256=',
    });
    match ??= genuine ? webhook : undefined;
  }
  return match;
}

function headerValue(request: WebhookRequest, name: string): string | undefined {
  const entry = Object.entries(request.headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

function readJson(raw: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8')) as unknown;
  } catch {
    throw new MalformedWebhookError('The delivery body is not JSON');
  }
}

/**
 * One interaction per local account the status addresses (its mentions and the author of the status it
 * answers), never the author's own. Reblogs address nobody. The thread root is not in the payload: the
 * conversation is the status answered, or the status itself.
 */
function interactionsOf(status: AdminWebhookStatus, instanceUrl: string): Interaction[] {
  if (status.reblog !== null) {
    return [];
  }
  // Local accounts only: a remote account's id on this server is not the id its own server gave it.
  const addressed = new Set(status.mentions.filter((m) => !m.acct.includes('@')).map((m) => m.id));
  if (status.in_reply_to_account_id !== null) {
    addressed.add(status.in_reply_to_account_id);
  }
  addressed.delete(status.account.id);
  return [...addressed].map((accountId) =>
    toInteraction(status, {
      kind: classifyStatus(status, accountId),
      conversationId: status.in_reply_to_id ?? status.id,
      channelAccountId: accountKey(accountId, instanceUrl),
    }),
  );
}
