import {
  InvalidContentError,
  systemClock,
  verifyHmacSignature,
  z,
  type Clock,
  type WebhookRequest,
} from '@chorus/connector-sdk';
import type { TikTokConfig } from '../config.js';

const SIGNATURE_HEADER = 'tiktok-signature';

const delivery = z.object({
  client_key: z.string(),
  event: z.string().min(1),
  create_time: z.number().int(),
  user_openid: z.string().min(1),
  content: z.string(),
});

const publishContent = z.object({
  publish_id: z.string().optional(),
  post_id: z.union([z.string(), z.number().transform(String)]).optional(),
  reason: z.union([z.string(), z.number()]).optional(),
});

/** `authorization.removed` reasons (network-apis.md 7.5). */
export const REMOVAL_REASONS: Readonly<Record<number, string>> = {
  0: 'unknown',
  1: 'the user disconnected the app',
  2: 'the account was deleted',
  3: "the user's age changed",
  4: 'the account was banned',
  5: 'the developer revoked the authorization',
};

export type TikTokWebhookEvent = {
  readonly event: string;
  /** The open_id of the account, as `Credentials.accountId` spells it. */
  readonly accountId: string;
  readonly createdAt: string;
} & (
  | { readonly type: 'authorization-removed'; readonly reason: number; readonly reasonText: string }
  | {
      readonly type: 'publish';
      readonly publishId: string | null;
      readonly postId: string | null;
      readonly failReason: string | null;
    }
  | { readonly type: 'other'; readonly content: unknown }
);

const header = (request: WebhookRequest, name: string) =>
  Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];

/**
 * TikTok developer-platform webhooks (7.5, 0.2): `TikTok-Signature: t=<unix>,s=<hex>` where `s` is the
 * HMAC-SHA256 of `"<t>.<raw body>"` keyed with the client secret. Deliveries outside the tolerance are refused
 * (a replay); `content` is a JSON string inside the JSON body. These events are about accounts and posts, not
 * interactions: TikTok's Login Kit sends no comments or messages (7.3), so they are not an SDK inbox webhook.
 */
export function createTikTokWebhook(config: TikTokConfig, clock: Clock = systemClock) {
  return {
    verify(request: WebhookRequest): boolean {
      const parts = new Map(
        (header(request, SIGNATURE_HEADER) ?? '').split(',').map((part) => {
          const [key = '', ...value] = part.trim().split('=');
          return [key, value.join('=')] as const;
        }),
      );
      const t = parts.get('t') ?? '';
      const s = parts.get('s');
      if (!/^\d{1,12}$/u.test(t) || !s || !/^[0-9a-f]+$/iu.test(s)) {
        return false;
      }
      const age = Math.abs(clock.now().getTime() / 1000 - Number(t));
      if (age > config.webhookToleranceSeconds) {
        return false;
      }
      return verifyHmacSignature({
        algorithm: 'sha256',
        key: config.clientSecret,
        payload: Buffer.concat([Buffer.from(`${t}.`), Buffer.from(request.rawBody)]),
        signature: s.toLowerCase(),
        encoding: 'hex',
      });
    },

    /** The delivery's event; a body that is not TikTok's is refused with what is wrong. */
    parse(request: WebhookRequest): TikTokWebhookEvent {
      const body = parseJson(Buffer.from(request.rawBody).toString('utf8'), 'The webhook body');
      const parsed = delivery.safeParse(body);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
        throw malformed(`The TikTok webhook body lacks or mistypes ${fields}.`);
      }
      const { event, user_openid: accountId, create_time: time, client_key: clientKey } = parsed.data;
      if (clientKey !== config.clientKey) {
        throw malformed(`The webhook is for client key ${clientKey}, not this app's.`);
      }
      const content = parseJson(parsed.data.content, `The content of ${event}`);
      const base = { event, accountId, createdAt: new Date(time * 1000).toISOString() };
      if (event === 'authorization.removed') {
        const reason = z.object({ reason: z.number().int() }).safeParse(content);
        const code = reason.success ? reason.data.reason : 0;
        return {
          ...base,
          type: 'authorization-removed',
          reason: code,
          reasonText: REMOVAL_REASONS[code] ?? 'unknown',
        };
      }
      if (event.startsWith('post.publish.') || event.startsWith('video.')) {
        const fields = publishContent.safeParse(content);
        if (!fields.success) {
          throw malformed(`The content of ${event} is not a publish event's.`);
        }
        return {
          ...base,
          type: 'publish',
          publishId: fields.data.publish_id ?? null,
          postId: fields.data.post_id ?? null,
          failReason: fields.data.reason === undefined ? null : String(fields.data.reason),
        };
      }
      return { ...base, type: 'other', content };
    },
  };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw malformed(`${what} is not JSON (${JSON.stringify(text.slice(0, 60))}).`);
  }
}

const malformed = (message: string) =>
  new InvalidContentError(message, [{ path: [], code: 'tiktok:webhook-malformed', message }]);
