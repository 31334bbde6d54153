import { jsonSchemaOf, type ConnectorManifestInput } from '@chorus/connector-sdk';
import { PINTEREST_SCOPES, pinterestConfigSchema, pinterestPostSettingsSchema } from './config.js';

const MB = 1024 * 1024;

/**
 * Pinterest states its text limits as JSON Schema maxLength (code points). Counting UTF-16 units never lets
 * through a text Pinterest would refuse (a code point is one or two units).
 */
export const DESCRIPTION_MAX = 800;
export const TITLE_MAX = 100;
export const LINK_MAX = 2048;
export const ALT_TEXT_MAX = 500;
export const CAROUSEL_MIN = 2;
export const CAROUSEL_MAX = 5;

const altText = { text: [{ counting: 'utf16' as const, max: ALT_TEXT_MAX }], required: false };

/** What Pinterest (API v5) can do through this connector, and its limits as Pinterest counts them. */
export const pinterestManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'pinterest',
  displayName: 'Pinterest',
  description:
    'Image, carousel and video pins on a board of a Pinterest account, with pin and account analytics.',
  homepage: 'https://developers.pinterest.com/docs/api/v5/',
  sdk: '^1.0.0',
  capabilities: {
    // No PKCE and no revoke endpoint in network-apis.md 9.1.
    auth: { methods: ['oauth2'], pkce: false, refresh: true, revoke: false, scopes: [...PINTEREST_SCOPES] },
    // No idempotency key (9.6): reconciliation lists the board's pins.
    publish: { kinds: ['image', 'video', 'link'], idempotency: { kind: 'none' } },
    findPublished: { maxWindowSeconds: 7 * 86_400, visibilityDelaySeconds: 5 },
    delete: true,
    // No inbox: Pinterest has no public endpoint for comments, replies, mentions or messages, nor webhooks (9.3).
    insights: {
      post: ['impressions', 'saves', 'clicks', 'likes', 'comments', 'video_views'],
      account: ['followers', 'impressions', 'saves', 'clicks'],
    },
  },
  limits: {
    text: [{ counting: 'utf16', max: DESCRIPTION_MAX }],
    textRequired: 'never',
    media: {
      maxItems: CAROUSEL_MAX,
      // A video pin may carry one image: its cover (pinterest-rules.ts allows nothing else mixed).
      mixedKinds: true,
      image: {
        mimeTypes: ['image/jpeg', 'image/png'],
        maxCount: CAROUSEL_MAX,
        maxBytes: 20 * MB,
        altText,
      },
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime', 'video/x-m4v'],
        maxCount: 1,
        maxBytes: 2048 * MB,
        minAspectRatio: 1 / 2,
        maxAspectRatio: 1.91,
        minDurationSeconds: 4,
        maxDurationSeconds: 15 * 60,
        altText,
      },
    },
  },
  rateLimits: {
    // Standard access: 100 requests per second per user per app (9.5); category budgets are per minute and
    // announced by Pinterest with 429, which the connector maps to rate-limited.
    endpoints: [{ endpoint: '*', requests: 100, windowSeconds: 1 }],
  },
  configSchema: jsonSchemaOf(pinterestConfigSchema),
  postSettingsSchema: jsonSchemaOf(pinterestPostSettingsSchema),
};
