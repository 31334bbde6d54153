import { z } from '@chorus/connector-sdk';

export const blueskyConfigSchema = z.object({
  serviceUrl: z
    .url()
    .default('https://bsky.social')
    .describe('Where accounts log in: the Bluesky entryway, or a self-hosted PDS'),
  resolvePds: z
    .boolean()
    .default(true)
    .describe(
      "After login, talk to the account's own PDS named in its DID document; false keeps every call on serviceUrl",
    ),
  appViewProxy: z
    .string()
    .regex(/^did:[a-z]+:[^#\s]+#[A-Za-z0-9_-]+$/u)
    .optional()
    .describe(
      'atproto-proxy service for app.bsky.* calls, such as did:web:api.bsky.app#bsky_appview; by default the PDS picks its AppView',
    ),
  webUrl: z.url().default('https://bsky.app').describe('Where people open posts and profiles'),
  video: z
    .union([
      z.object({
        serviceUrl: z.url().default('https://video.bsky.app'),
        serviceDid: z.string().default('did:web:video.bsky.app'),
      }),
      z.literal('pds'),
    ])
    .default({ serviceUrl: 'https://video.bsky.app', serviceDid: 'did:web:video.bsky.app' })
    .describe(
      "The video service that transcodes uploads; 'pds' uploads the file as a plain blob (self-hosted networks without one)",
    ),
  mediaPollIntervalMs: z
    .number()
    .int()
    .positive()
    .default(1500)
    .describe('How often to ask the video service whether a video is processed'),
  mediaTimeoutMs: z
    .number()
    .int()
    .positive()
    .default(300_000)
    .describe('How long to wait for video processing'),
  linkPreviews: z
    .boolean()
    .default(true)
    .describe("Fetch a link's page for its card (title, description, image); false sends the address alone"),
  linkPreviewTimeoutMs: z.number().int().positive().default(5000),
  allowPrivateLinkHosts: z
    .boolean()
    .default(false)
    .describe('Let link previews fetch loopback and private addresses (tests only)'),
  allowAccountPassword: z
    .boolean()
    .default(false)
    .describe("Accept an account's main password; by default only app passwords connect"),
  inboxPages: z
    .number()
    .int()
    .positive()
    .default(5)
    .describe('Pages of 100 notifications one inbox pull may read'),
});

export type BlueskyConfig = z.output<typeof blueskyConfigSchema>;

export const SELF_LABELS = ['sexual', 'nudity', 'porn', 'graphic-media'] as const;

export const blueskyPostSettingsSchema = z.object({
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u))
    .max(3)
    .optional()
    .describe('BCP-47 language tags of the text, such as en or pt-BR'),
  contentWarning: z
    .enum(SELF_LABELS)
    .optional()
    .describe('A self-label that hides the media behind a warning'),
});

export type BlueskyPostSettings = z.output<typeof blueskyPostSettingsSchema>;

/** What a person may add to their handle and app password when connecting: a PDS not hosted by Bluesky. */
export const blueskyAuthParamsSchema = z.object({
  serviceUrl: z
    .url()
    .optional()
    .describe('Your PDS, if your account is not hosted by Bluesky (leave empty for bsky.social accounts)'),
});
