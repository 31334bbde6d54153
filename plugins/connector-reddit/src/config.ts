import { secret, z } from '@chorus/connector-sdk';

/**
 * OAuth scopes Chorus asks for, and no more (network-apis.md 12.1): who the account is (`identity`), publish
 * (`submit`, `flair` to read a subreddit's link flairs), read engagement and counters (`read`, `history` for the
 * account's own submissions), answer and read the inbox (`privatemessages`), delete own posts (`edit`), and
 * moderate comments where the account is a moderator (`modposts`).
 */
export const REDDIT_SCOPES = [
  'identity',
  'submit',
  'read',
  'edit',
  'history',
  'privatemessages',
  'flair',
  'modposts',
] as const;

/** `<platform>:<app id>:<version> (by /u/<username>)`, the only User-Agent shape Reddit does not throttle (12.1). */
export const USER_AGENT_PATTERN = /^[\w.-]+:[\w.-]+:v?[\w.-]+ \(by \/u\/[\w-]{3,20}\)$/u;

export const redditConfigSchema = z.object({
  clientId: z.string().min(1).describe('The app id shown under the app name at reddit.com/prefs/apps'),
  clientSecret: secret(
    z.string().min(1).describe('The app secret (type "web app") from reddit.com/prefs/apps'),
  ),
  developerUsername: z
    .string()
    .regex(/^[\w-]{3,20}$/u, 'a Reddit username without /u/, 3 to 20 letters, digits, _ or -')
    .describe('The Reddit username of the app developer, named in the User-Agent as Reddit requires'),
  appId: z
    .string()
    .regex(/^[\w.-]+$/u, 'letters, digits, dots, dashes or underscores')
    .default('chorus')
    .describe('The app id part of the User-Agent (a package-style name unique to this deployment)'),
  userAgent: z
    .string()
    .regex(
      USER_AGENT_PATTERN,
      'Reddit throttles generic User-Agents: use "<platform>:<app id>:<version> (by /u/<username>)"',
    )
    .optional()
    .describe('Replaces the User-Agent built from appId and developerUsername'),
  apiUrl: z.url().default('https://oauth.reddit.com').describe('API host (authenticated calls)'),
  authUrl: z
    .url()
    .default('https://www.reddit.com')
    .describe('Host of /api/v1/authorize and /api/v1/access_token'),
  mediaTimeoutSeconds: z
    .number()
    .int()
    .positive()
    .default(300)
    .describe('How long an image or video post may stay in processing before the publish is reconciled'),
  processingPollSeconds: z
    .number()
    .min(0)
    .default(5)
    .describe("Pause between lookups of the account's submissions while Reddit processes a media post"),
});

export type RedditConfig = z.output<typeof redditConfigSchema>;

export const redditPostSettingsSchema = z.object({
  title: z.string().describe('The post title (required by Reddit, at most 300 characters)').optional(),
  subreddit: z
    .string()
    .regex(/^(r\/)?[A-Za-z0-9_]{2,21}$/u, 'a subreddit name such as "chorus" or "r/chorus"')
    .optional()
    .describe("Where to post; leave empty for the account's own profile (u_<username>)"),
  flairId: z.string().min(1).optional().describe('Link flair template id (some subreddits require one)'),
  flairText: z.string().max(64).optional().describe('Flair text, for editable flair templates'),
  nsfw: z.boolean().optional().describe('Mark as NSFW'),
  spoiler: z.boolean().optional().describe('Mark as a spoiler'),
  sendReplies: z.boolean().default(true).describe('Send replies to the inbox (the inbox reads them there)'),
  allowResubmit: z
    .boolean()
    .default(false)
    .describe('Post a link even if it was already submitted to the subreddit (resubmit=true)'),
  videoPosterUrl: z
    .url()
    .optional()
    .describe('Image shown before a video plays; Reddit requires one for video posts'),
});

export type RedditPostSettings = z.output<typeof redditPostSettingsSchema>;
