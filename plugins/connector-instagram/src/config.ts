import { secret, z } from '@chorus/connector-sdk';

/** Instagram Login scopes (network-apis.md 3.1); the older business_* names stopped working on 27 Jan 2025. */
export const INSTAGRAM_LOGIN_SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_comments',
  'instagram_business_manage_insights',
  'instagram_business_manage_messages',
] as const;

/** What Instagram Login must grant for publishing to work (3.1 step 2 answers the granted ones). */
export const INSTAGRAM_LOGIN_REQUIRED_SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
] as const;

/** Facebook Login scopes for an Instagram account linked to a Page (3.1). */
export const FACEBOOK_LOGIN_SCOPES = [
  'instagram_basic',
  'instagram_content_publish',
  'instagram_manage_comments',
  'instagram_manage_insights',
  'instagram_manage_messages',
  'pages_messaging',
  'pages_show_list',
  'pages_read_engagement',
  // Installs the app on the linked Page (subscribed_apps), without which no webhook arrives (1.6).
  'pages_manage_metadata',
  'business_management',
] as const;

/**
 * What Facebook Login must grant for publishing and for connecting (installing the app on the linked Page needs
 * pages_manage_metadata, 1.6); the others (comments, insights, DMs) may be declined.
 */
export const FACEBOOK_LOGIN_REQUIRED_SCOPES = [
  'instagram_basic',
  'instagram_content_publish',
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
] as const;

export const LOGINS = ['instagram', 'facebook'] as const;
export type InstagramLogin = (typeof LOGINS)[number];

export const instagramConfigSchema = z.object({
  instagramAppId: z
    .string()
    .min(1)
    .describe('Instagram app id (App Dashboard > Instagram > API setup with Instagram Login)'),
  instagramAppSecret: secret(
    z.string().min(1).describe('Instagram app secret: Instagram Login tokens and webhooks'),
  ),
  facebookAppId: z
    .string()
    .min(1)
    .optional()
    .describe('Meta app id, for accounts connected with Facebook Login'),
  facebookAppSecret: secret(z.string().min(1).describe('Meta app secret, for Facebook Login')).optional(),
  webhookVerifyToken: secret(
    z.string().min(1).describe('hub.verify_token entered in the App Dashboard'),
  ).optional(),
  defaultLogin: z
    .enum(LOGINS)
    .default('instagram')
    .describe('The login offered when the person does not choose'),
  instagramGraphUrl: z.url().default('https://graph.instagram.com'),
  facebookGraphUrl: z.url().default('https://graph.facebook.com'),
  instagramApiUrl: z
    .url()
    .default('https://api.instagram.com')
    .describe('Host of the Instagram Login code exchange'),
  instagramAuthorizeUrl: z.url().default('https://www.instagram.com'),
  facebookDialogUrl: z.url().default('https://www.facebook.com'),
  ruploadUrl: z
    .url()
    .default('https://rupload.facebook.com')
    .describe('Resumable upload host for video bytes'),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/u)
    .default('v25.0'),
  containerPollIntervalMs: z
    .number()
    .int()
    .positive()
    .default(10_000)
    .describe('How often a container is polled'),
  containerTimeoutMs: z
    .number()
    .int()
    .positive()
    .default(480_000)
    .describe('How long a container may process'),
  inboxMediaCount: z
    .number()
    .int()
    .positive()
    .max(100)
    .default(25)
    .describe('Recent media whose comments the inbox reads'),
});

export type InstagramConfig = z.output<typeof instagramConfigSchema>;

export const instagramPostSettingsSchema = z.object({
  placement: z
    .enum(['feed', 'story'])
    .default('feed')
    .describe('story: each photo or video is its own story'),
  shareToFeed: z.boolean().default(true).describe('Reels: also show in the feed grid'),
});

export type InstagramPostSettings = z.output<typeof instagramPostSettingsSchema>;

export const instagramAuthParamsSchema = z.object({
  login: z
    .enum(LOGINS)
    .optional()
    .describe(
      'instagram: Instagram Login (no Facebook Page needed); facebook: Facebook Login through the linked Page',
    ),
  instagramAccountId: z
    .string()
    .regex(/^\d+$/u)
    .optional()
    .describe(
      'Facebook Login: the Instagram account to connect; may be left out when the person can publish to one linked account only (otherwise the connection lists them to choose from)',
    ),
  pageId: z
    .string()
    .regex(/^\d+$/u)
    .optional()
    .describe(
      'Facebook Login: the Page whose linked Instagram account to connect (instead of instagramAccountId)',
    ),
});
