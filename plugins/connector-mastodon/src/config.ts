import { secret, z } from '@chorus/connector-sdk';

/** Scopes Chorus asks for: read what it shows, write statuses, media, favourites and direct messages. */
export const MASTODON_SCOPES = [
  'read:accounts',
  'read:statuses',
  'read:notifications',
  'write:statuses',
  'write:media',
  'write:favourites',
  'write:conversations',
] as const;

const preRegisteredApp = z.object({
  instanceUrl: z.url().describe('The server, such as https://mastodon.social'),
  clientId: z.string().min(1),
  clientSecret: secret(z.string().min(1)),
});

// Instance-admin webhooks (Mastodon 4.0+, Administration > Webhooks): the admin of a server picks the events
// and Mastodon generates the secret it signs every delivery with.
const adminWebhook = z.object({
  instanceUrl: z
    .url()
    .describe('The server whose admin registered the webhook, such as https://example.social'),
  secret: secret(z.string().min(1).describe("The webhook's secret, shown on the server's webhook page")),
});

export const mastodonConfigSchema = z.object({
  clientName: z
    .string()
    .min(1)
    .default('Chorus')
    .describe('The app name people see when they authorize Chorus'),
  website: z.url().optional().describe('Shown with the app name on the authorization page'),
  defaultInstanceUrl: z.url().optional().describe('The server used when a person does not name one'),
  apps: z
    .array(preRegisteredApp)
    .default([])
    .describe(
      'Apps registered beforehand; for other servers Chorus registers an app at the first connection',
    ),
  mediaPollIntervalMs: z
    .number()
    .int()
    .positive()
    .default(1000)
    .describe('How often to ask whether a video is processed'),
  mediaTimeoutMs: z
    .number()
    .int()
    .positive()
    .default(300_000)
    .describe('How long to wait for media processing'),
  lookupPages: z.number().int().positive().default(5).describe('Pages of 40 statuses findPublished may read'),
  webhooks: z
    .array(adminWebhook)
    .default([])
    .describe(
      'Admin webhooks sending status.created to Chorus; only servers whose admin set one up push the inbox, others are pulled',
    ),
});

export type MastodonConfig = z.output<typeof mastodonConfigSchema>;

export const mastodonPostSettingsSchema = z.object({
  visibility: z
    .enum(['public', 'unlisted', 'private', 'direct'])
    .default('public')
    .describe('private = followers only; direct = mentioned people only'),
  spoilerText: z.string().optional().describe('Content warning shown before the text'),
  sensitive: z.boolean().default(false).describe('Hide media behind a warning'),
  language: z
    .string()
    .regex(/^[a-z]{2}$/u)
    .optional()
    .describe('ISO 639-1 code'),
});

export type MastodonPostSettings = z.output<typeof mastodonPostSettingsSchema>;

export const mastodonAuthParamsSchema = z.object({
  instanceUrl: z.url().describe('Your Mastodon server, such as https://mastodon.social'),
});
