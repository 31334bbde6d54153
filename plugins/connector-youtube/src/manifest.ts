import { jsonSchemaOf, type ConnectorManifestInput } from '@chorus/connector-sdk';
import { YOUTUBE_SCOPES, youtubeConfigSchema, youtubePostSettingsSchema } from './config.js';
import { FIND_WINDOW_SECONDS } from './publish/find-published.js';

const GB = 1024 ** 3;

/** Container types YouTube accepts as `video/*` uploads. */
export const VIDEO_TYPES = [
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'video/x-msvideo',
  'video/x-ms-wmv',
  'video/x-flv',
  'video/mpeg',
  'video/3gpp',
  'video/x-matroska',
];

/** What YouTube (Data API v3) can do through this connector, and its limits as YouTube counts them. */
export const youtubeManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'youtube',
  displayName: 'YouTube',
  description: 'Videos and Shorts on a YouTube channel, with comment moderation and statistics.',
  homepage: 'https://www.youtube.com',
  sdk: '^1.0.0',
  capabilities: {
    auth: { methods: ['oauth2'], pkce: true, refresh: true, revoke: true, scopes: [...YOUTUBE_SCOPES] },
    // The text is the video's description; every post carries one video (youtubeRules). No idempotency key (8.6).
    publish: { kinds: ['text', 'video', 'first-comment'], idempotency: { kind: 'none' } },
    findPublished: { maxWindowSeconds: FIND_WINDOW_SECONDS, visibilityDelaySeconds: 60 },
    delete: true,
    // Comments only: no mentions or DMs in the API, and push covers uploads, not comments (8.3).
    inbox: {
      kinds: ['comment'],
      pull: true,
      webhook: false,
      reply: true,
      hide: true,
      like: false,
      delete: true,
    },
    insights: {
      post: ['views', 'likes', 'comments'],
      account: ['followers', 'views', 'likes', 'comments', 'shares'],
    },
  },
  limits: {
    // The description: 5,000 bytes (8.2). The title (100 characters) is checked by youtubeRules.
    text: [{ counting: 'utf8-bytes', max: 5000 }],
    textRequired: 'never',
    media: {
      maxItems: 1,
      mixedKinds: false,
      video: {
        mimeTypes: VIDEO_TYPES,
        maxCount: 1,
        maxBytes: 256 * GB,
        maxDurationSeconds: 12 * 3600,
      },
    },
  },
  // The budget is the project's daily quota in units, not requests per window: the connector's QuotaLedger counts
  // it (8.5), so no per-endpoint rule is declared here.
  rateLimits: { endpoints: [] },
  configSchema: jsonSchemaOf(youtubeConfigSchema),
  postSettingsSchema: jsonSchemaOf(youtubePostSettingsSchema),
};
