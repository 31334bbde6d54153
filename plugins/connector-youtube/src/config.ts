import { secret, z } from '@chorus/connector-sdk';

/**
 * Google OAuth scopes Chorus asks for (network-apis.md 8.1): upload (`youtube.upload`), manage videos, playlists
 * and thumbnails (`youtube`), write and moderate comments (`youtube.force-ssl`), read (`youtube.readonly`),
 * insights (`yt-analytics.readonly`).
 */
export const YOUTUBE_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube',
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtube.readonly',
  'https://www.googleapis.com/auth/yt-analytics.readonly',
] as const;

/** Resumable upload chunks must be multiples of 256 KiB except the last (8.2). */
export const CHUNK_QUANTUM = 256 * 1024;

export const youtubeConfigSchema = z.object({
  clientId: z
    .string()
    .min(1)
    .describe('OAuth client ID (Google Cloud console > APIs & Services > Credentials)'),
  clientSecret: secret(z.string().min(1).describe('OAuth client secret of the web application client')),
  projectAudited: z
    .boolean()
    .default(false)
    .describe(
      'The Google Cloud project passed the YouTube API compliance audit; unaudited projects (created after 28 Jul 2020) can only upload private videos',
    ),
  verifiedChannels: z
    .boolean()
    .default(false)
    .describe('Connected channels are verified: videos may last up to 12 hours instead of 15 minutes'),
  dailyQuotaUnits: z
    .number()
    .int()
    .positive()
    .default(10_000)
    .describe("The project's daily YouTube Data API quota (Quotas page of the Google Cloud console)"),
  quotaModel: z
    .enum(['units', 'upload-bucket'])
    .default('units')
    .describe(
      'units: videos.insert costs 1,600 units of the daily quota; upload-bucket: the 2026 model, 100 videos.insert calls a day in a bucket of their own',
    ),
  dailyUploadCalls: z
    .number()
    .int()
    .positive()
    .default(100)
    .describe('With the upload-bucket model: videos.insert calls allowed per day'),
  chunkBytes: z
    .number()
    .int()
    .positive()
    .multipleOf(CHUNK_QUANTUM, 'chunkBytes must be a multiple of 262,144 bytes (256 KiB)')
    .default(8 * 1024 * 1024)
    .describe('Bytes per resumable upload request (a multiple of 256 KiB)'),
  chunkRetries: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(3)
    .describe('How often an interrupted chunk is resumed before the publish gives up'),
  processingTimeoutSeconds: z
    .number()
    .min(0)
    .default(120)
    .describe('How long publish waits for YouTube to process the video (rejections are reported)'),
  processingPollSeconds: z.number().min(0).default(10).describe('Pause between processing checks'),
  inboxThreadPages: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(3)
    .describe('Pages of 100 most recent comment threads each inbox pull scans'),
  authUrl: z.url().default('https://accounts.google.com').describe('Host of the consent page'),
  tokenUrl: z.url().default('https://oauth2.googleapis.com').describe('Host of /token and /revoke'),
  apiUrl: z
    .url()
    .default('https://www.googleapis.com')
    .describe('Host of /youtube/v3 and /upload/youtube/v3'),
  analyticsUrl: z
    .url()
    .default('https://youtubeanalytics.googleapis.com')
    .describe('YouTube Analytics API host'),
});

export type YoutubeConfig = z.output<typeof youtubeConfigSchema>;

export const youtubePostSettingsSchema = z.object({
  title: z
    .string()
    .optional()
    .describe('Video title (up to 100 characters, no < or >); the first line of the text when left empty'),
  privacyStatus: z.enum(['public', 'unlisted', 'private']).default('public').describe('Who can watch'),
  publishAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Scheduled release (the video stays private until then); needs privacy "private"'),
  format: z
    .enum(['video', 'short'])
    .default('video')
    .describe('short: a vertical or square video of up to 3 minutes, shown as a Short'),
  tags: z.array(z.string().min(1)).optional().describe('Tags (500 characters in all)'),
  categoryId: z.string().regex(/^\d+$/u, 'categoryId is a number such as 22').default('22'),
  defaultLanguage: z.string().min(2).max(12).optional(),
  madeForKids: z.boolean().default(false).describe('Self-declared made for kids'),
  containsSyntheticMedia: z.boolean().default(false).describe('Altered or synthetic content disclosure'),
  embeddable: z.boolean().default(true),
  license: z.enum(['youtube', 'creativeCommon']).default('youtube'),
  notifySubscribers: z.boolean().default(true),
  playlistId: z.string().min(1).optional().describe('Add the video to this playlist'),
  thumbnailUrl: z.url().optional().describe('A JPEG or PNG of at most 2 MB (the channel must be verified)'),
});

export type YoutubePostSettings = z.output<typeof youtubePostSettingsSchema>;
