import { secret, z } from '@chorus/connector-sdk';

/**
 * OAuth 2 scopes Chorus asks for (network-apis.md 5.1): publish (`tweet.write`, `media.write`), read engagement
 * (`tweet.read`, `users.read`, `dm.read`), reply (`dm.write`), moderate (`tweet.moderate.write`), stay connected
 * (`offline.access`: without it X issues no refresh token).
 */
export const X_SCOPES = [
  'tweet.read',
  'tweet.write',
  'tweet.moderate.write',
  'users.read',
  'offline.access',
  'media.write',
  'dm.read',
  'dm.write',
] as const;

export const xConfigSchema = z.object({
  clientId: z
    .string()
    .min(1)
    .describe('OAuth 2.0 Client ID (developer console > your app > Keys and tokens)'),
  clientSecret: secret(
    z.string().min(1).describe('OAuth 2.0 Client Secret; leave out for a public (native) client'),
  ).optional(),
  consumerSecret: secret(
    z
      .string()
      .min(1)
      .describe('API Key Secret (consumer secret): X signs webhook CRCs and deliveries with it'),
  ).optional(),
  webhookId: z
    .string()
    .regex(/^\d+$/u, 'webhookId must be the numeric id X gave the webhook (GET /2/webhooks lists it)')
    .optional()
    .describe(
      'Id of the app webhook (POST /2/webhooks) each connected account is subscribed to; leave empty to poll only',
    ),
  apiUrl: z.url().default('https://api.x.com').describe('API host'),
  authorizeUrl: z
    .url()
    .default('https://x.com')
    .describe('Host of the authorization page (/i/oauth2/authorize)'),
  chunkBytes: z
    .number()
    .int()
    .min(64)
    .max(5 * 1024 * 1024)
    .default(1024 * 1024)
    .describe('Size of each APPEND chunk of a chunked upload (X: at most 5 MB)'),
  mediaTimeoutSeconds: z
    .number()
    .int()
    .positive()
    .default(600)
    .describe('How long a video or GIF may stay in processing before the publish gives up'),
});

export type XConfig = z.output<typeof xConfigSchema>;

export const xPostSettingsSchema = z.object({
  replySettings: z
    .enum(['following', 'mentionedUsers', 'subscribers', 'verified'])
    .optional()
    .describe('Who may reply (leave empty for everyone)'),
  madeWithAi: z.boolean().optional().describe('Disclose that the post was made with AI'),
  paidPartnership: z.boolean().optional().describe('Disclose a paid partnership'),
});

export type XPostSettings = z.output<typeof xPostSettingsSchema>;
