import { jsonSchemaOf, type ConnectorManifestInput } from '@chorus/connector-sdk';
import { TIKTOK_SCOPES, tiktokConfigSchema, tiktokPostSettingsSchema } from './config.js';

const MB = 1024 * 1024;
const GB = 1024 * MB;
const MINUTE = 60;

/** A video caption (`post_info.title`): 2,200 UTF-16 units (network-apis.md 7.2). */
export const VIDEO_CAPTION_MAX = 2200;
/** A photo post's description: 4,000 characters; its title 90 (7.2). */
export const PHOTO_DESCRIPTION_MAX = 4000;
export const PHOTO_TITLE_MAX = 90;

/** What TikTok (Content Posting API + Display API) can do through this connector, and its limits. */
export const tiktokManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'tiktok',
  displayName: 'TikTok',
  description:
    'Publish videos and photo posts to TikTok (directly or to the creator inbox); video and account metrics.',
  homepage: 'https://developers.tiktok.com/doc/content-posting-api-get-started',
  sdk: '^1.0.0',
  capabilities: {
    auth: { methods: ['oauth2'], pkce: false, refresh: true, revoke: true, scopes: [...TIKTOK_SCOPES] },
    // No idempotency key (7.7): the publish_id, then the account's recent videos, reconcile.
    publish: { kinds: ['image', 'video'], idempotency: { kind: 'none' } },
    // Moderation can keep a post out of the video list for a while (7.2).
    findPublished: { maxWindowSeconds: 30 * 86_400, visibilityDelaySeconds: 60 },
    delete: false,
    insights: { post: ['views', 'likes', 'comments', 'shares'], account: ['followers', 'likes'] },
  },
  limits: {
    // The longest text TikTok takes is a photo description; a video caption is held to 2,200 by the rules.
    text: [{ counting: 'utf16', max: PHOTO_DESCRIPTION_MAX }],
    textRequired: 'never',
    media: {
      maxItems: 35,
      mixedKinds: false,
      image: {
        mimeTypes: ['image/jpeg', 'image/webp'],
        maxCount: 35,
        maxBytes: 20 * MB,
        // "at most 1080p": 1920 x 1080 pixels, either way round.
        maxPixels: 1920 * 1080,
        maxWidth: 1920,
        maxHeight: 1920,
      },
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
        maxCount: 1,
        maxBytes: 4 * GB,
        minWidth: 360,
        minHeight: 360,
        maxWidth: 4096,
        maxHeight: 4096,
        minDurationSeconds: 3,
        // The creator's own maximum (creator_info) replaces this at run time.
        maxDurationSeconds: 10 * MINUTE,
      },
    },
  },
  rateLimits: {
    endpoints: [
      { endpoint: 'post.init', requests: 6, windowSeconds: MINUTE },
      { endpoint: 'post.status', requests: 30, windowSeconds: MINUTE },
      { endpoint: 'user.info', requests: 600, windowSeconds: MINUTE },
      { endpoint: 'video.list', requests: 600, windowSeconds: MINUTE },
      { endpoint: 'video.query', requests: 600, windowSeconds: MINUTE },
    ],
  },
  configSchema: jsonSchemaOf(tiktokConfigSchema),
  postSettingsSchema: jsonSchemaOf(tiktokPostSettingsSchema),
};
