import { secret, z } from '@chorus/connector-sdk';

/**
 * Login Kit scopes Chorus asks for (network-apis.md 7.1): who the account is (`user.info.basic`, its username
 * through `user.info.profile`), account metrics (`user.info.stats`), its videos for reconciliation and post
 * metrics (`video.list`), publishing directly (`video.publish`) and to the creator's inbox (`video.upload`).
 * TikTok's Login Kit has no scope for comments, replies or messages (7.3).
 */
export const TIKTOK_SCOPES = [
  'user.info.basic',
  'user.info.profile',
  'user.info.stats',
  'video.list',
  'video.upload',
  'video.publish',
] as const;

export const PRIVACY_LEVELS = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
] as const;

export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];

const MB = 1024 * 1024;

export const tiktokConfigSchema = z.object({
  clientKey: z.string().min(1).describe('Client key (developer portal > your app > App details)'),
  clientSecret: secret(
    z
      .string()
      .min(1)
      .describe('Client secret: authenticates token calls and signs webhook deliveries (TikTok-Signature)'),
  ),
  pkce: z
    .boolean()
    .default(false)
    .describe('Send a PKCE challenge (desktop and mobile apps); web apps authorize without one'),
  defaultPrivacyLevel: z
    .enum(PRIVACY_LEVELS)
    .optional()
    .describe(
      'Who sees a post when its settings choose nobody; leave empty to make every post choose (TikTok UX rule)',
    ),
  verifiedUrlPrefixes: z
    .array(z.url())
    .default([])
    .describe(
      'URL prefixes verified in the developer portal: media under them is pulled by TikTok (PULL_FROM_URL)',
    ),
  apiUrl: z.url().default('https://open.tiktokapis.com').describe('API host'),
  authorizeUrl: z
    .url()
    .default('https://www.tiktok.com')
    .describe('Host of the authorization page (/v2/auth/authorize/)'),
  chunkBytes: z
    .number()
    .int()
    .min(5 * MB)
    .max(64 * MB)
    .default(10_000_000)
    .describe('Chunk size of a FILE_UPLOAD (TikTok: 5 to 64 MB; files under 5 MB go in one chunk)'),
  statusPollIntervalMs: z
    .number()
    .int()
    .min(2000)
    .default(5000)
    .describe('Wait between publish status polls (TikTok allows 30 a minute per user)'),
  processingTimeoutSeconds: z
    .number()
    .int()
    .positive()
    .default(900)
    .describe('How long a post may stay processing before the publish stops waiting (and reconciles)'),
  webhookToleranceSeconds: z
    .number()
    .int()
    .positive()
    .default(300)
    .describe('Oldest TikTok-Signature timestamp accepted, against replayed deliveries'),
});

export type TikTokConfig = z.output<typeof tiktokConfigSchema>;

export const tiktokPostSettingsSchema = z.object({
  privacyLevel: z
    .enum(PRIVACY_LEVELS)
    .optional()
    .describe("Who can see the post; must be one of the creator's options"),
  mode: z
    .enum(['direct', 'inbox'])
    .default('direct')
    .describe('direct: post now; inbox: send to the creator, who finishes the post in the TikTok app'),
  disableComment: z.boolean().default(false).describe('Turn comments off'),
  disableDuet: z.boolean().default(false).describe('Turn duets off (videos)'),
  disableStitch: z.boolean().default(false).describe('Turn stitches off (videos)'),
  videoCoverTimestampMs: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Which frame is the cover, in ms from the start (videos)'),
  photoTitle: z.string().optional().describe('Title of a photo post (at most 90 characters)'),
  photoCoverIndex: z.number().int().min(0).default(0).describe('Which photo is the cover (photo posts)'),
  autoAddMusic: z.boolean().default(true).describe('Let TikTok add music (photo posts)'),
  brandContent: z.boolean().default(false).describe('Paid partnership: promoting a third party'),
  brandOrganic: z.boolean().default(false).describe("Promoting the creator's own business"),
  madeWithAi: z.boolean().default(false).describe('Disclose AI-generated content (videos)'),
});

export type TikTokPostSettings = z.output<typeof tiktokPostSettingsSchema>;
