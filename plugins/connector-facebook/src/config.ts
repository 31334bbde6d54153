import { secret, z } from '@chorus/connector-sdk';

/** Facebook Login permissions Chorus asks for, by capability (network-apis.md 2.1). */
export const FACEBOOK_SCOPES = [
  'pages_show_list',
  'business_management',
  'pages_manage_posts',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_manage_engagement',
  'pages_manage_metadata',
  'pages_messaging',
  'read_insights',
] as const;

/**
 * Without these nothing can be published, or connecting cannot install the app on the Page (`subscribed_apps`
 * needs pages_manage_metadata, 1.6); the others only narrow the inbox or insights.
 */
export const REQUIRED_SCOPES = [
  'pages_show_list',
  'pages_manage_posts',
  'pages_read_engagement',
  'pages_manage_metadata',
] as const;

export const facebookConfigSchema = z.object({
  appId: z.string().min(1).describe('The Meta app id (App Dashboard > Settings > Basic)'),
  appSecret: secret(z.string().min(1).describe('The Meta app secret: signs webhooks and appsecret_proof')),
  webhookVerifyToken: secret(
    z
      .string()
      .min(1)
      .describe('The verify token entered with the callback URL in the App Dashboard (hub.verify_token)'),
  ).optional(),
  graphUrl: z.url().default('https://graph.facebook.com').describe('Graph API host'),
  dialogUrl: z.url().default('https://www.facebook.com').describe('Host of the Facebook Login dialog'),
  ruploadUrl: z
    .url()
    .default('https://rupload.facebook.com')
    .describe('Resumable upload host for Reel bytes (its own origin, not the Graph host)'),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/u)
    .default('v25.0')
    .describe('Pinned Graph API version (views metrics need v23.0 or later)'),
  appSecretProof: z
    .boolean()
    .default(true)
    .describe('Send appsecret_proof with every call (required when the app has "Require App Secret")'),
  videoPollIntervalMs: z
    .number()
    .int()
    .positive()
    .default(5000)
    .describe('How often to ask whether a video is processed'),
  videoTimeoutMs: z
    .number()
    .int()
    .positive()
    .default(600_000)
    .describe('How long to wait for video processing'),
  videoResumableAboveBytes: z
    .number()
    .int()
    .positive()
    .default(100 * 1_048_576)
    .describe('Videos larger than this go up in chunks (resumable upload) instead of one request'),
  inboxPostCount: z
    .number()
    .int()
    .positive()
    .max(100)
    .default(25)
    .describe('How many recent Page posts the inbox reads comments of'),
});

export type FacebookConfig = z.output<typeof facebookConfigSchema>;

export const facebookPostSettingsSchema = z.object({
  videoAs: z
    .enum(['feed', 'reel'])
    .default('feed')
    .describe('feed: a Page video post; reel: a Reel (vertical 9:16, 3 to 90 s)'),
});

export type FacebookPostSettings = z.output<typeof facebookPostSettingsSchema>;

export const facebookAuthParamsSchema = z.object({
  pageId: z
    .string()
    .regex(/^\d+$/u)
    .optional()
    .describe(
      'The Page to connect; may be left out when the person can publish to one Page only (otherwise the connection lists them to choose from)',
    ),
});
