import { jsonSchemaOf, type ConnectorManifestInput, type TextRuleInput } from '@chorus/connector-sdk';
import { REDDIT_SCOPES, redditConfigSchema, redditPostSettingsSchema } from './config.js';

const MB = 1024 * 1024;

/**
 * Reddit counts characters as code points (its API is Python: an emoji is one). The SDK's weighted count with
 * every code point weighing 1 is exactly that; used for short texts (captions).
 */
export const codePoints = (max: number): TextRuleInput => ({
  counting: 'weighted',
  max,
  weights: { default: 1, ranges: [] },
});

/**
 * Long texts are counted in UTF-16 units: the weighted count segments graphemes and takes tens of seconds on
 * 40,000 characters of emoji. UTF-16 equals code points except that an emoji counts 2 instead of 1, so a text
 * Chorus accepts is never refused by Reddit for its length.
 */
const utf16 = (max: number): TextRuleInput => ({ counting: 'utf16', max });

/** Self-post body (network-apis.md 12.2), title (12.2) and comment limits. */
export const BODY_MAX = 40_000;
export const TITLE_MAX = 300;
export const COMMENT_MAX = 10_000;
/** A gallery caption, carried as the item's alt text. */
export const CAPTION_MAX = 180;
/** Items of one gallery post. */
export const GALLERY_MAX = 20;

const captions = { text: [codePoints(CAPTION_MAX)], required: false };

/** What Reddit can do through this connector, and its limits as Reddit counts them. */
export const redditManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'reddit',
  displayName: 'Reddit',
  sdk: '^1.0.0',
  capabilities: {
    // Reddit's code flow has no PKCE (12.1); the refresh token is permanent and does not rotate.
    auth: { methods: ['oauth2'], pkce: false, refresh: true, revoke: true, scopes: [...REDDIT_SCOPES] },
    // No idempotency key (12.6): link posts are protected by resubmit=false, the rest by the submissions lookup.
    publish: {
      kinds: ['text', 'link', 'image', 'video', 'gif', 'first-comment'],
      idempotency: { kind: 'none' },
    },
    findPublished: { maxWindowSeconds: 30 * 86_400, visibilityDelaySeconds: 30 },
    delete: true,
    inbox: {
      kinds: ['comment', 'mention', 'direct-message'],
      pull: true,
      webhook: false,
      reply: true,
      hide: true,
      like: false,
      delete: false,
    },
    insights: { post: ['likes', 'comments', 'shares', 'views'], account: ['followers'] },
  },
  limits: {
    text: [utf16(BODY_MAX)],
    // A self post may be a title alone.
    textRequired: 'never',
    media: {
      maxItems: GALLERY_MAX,
      mixedKinds: false,
      image: {
        mimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
        maxCount: GALLERY_MAX,
        maxBytes: 20 * MB,
        altText: captions,
      },
      gif: {
        // An animated GIF is an image post; an MP4 loop without sound is a `videogif` post.
        mimeTypes: ['image/gif', 'video/mp4'],
        maxCount: 1,
        maxBytes: 100 * MB,
        maxDurationSeconds: 60,
      },
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime'],
        maxCount: 1,
        maxBytes: 1024 * MB,
        maxDurationSeconds: 15 * 60,
      },
    },
    firstComment: { text: [utf16(COMMENT_MAX)] },
  },
  rateLimits: {
    // 100 queries per minute per OAuth client id, whoever the account (12.5).
    endpoints: [{ endpoint: '*', requests: 100, windowSeconds: 60, scope: 'app' }],
    headers: {
      remaining: 'x-ratelimit-remaining',
      reset: 'x-ratelimit-reset',
      resetFormat: 'delta-seconds',
    },
  },
  configSchema: jsonSchemaOf(redditConfigSchema),
  postSettingsSchema: jsonSchemaOf(redditPostSettingsSchema),
};
