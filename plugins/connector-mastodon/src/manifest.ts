import { jsonSchemaOf, type ConnectorManifestInput } from '@chorus/connector-sdk';
import {
  MASTODON_SCOPES,
  mastodonAuthParamsSchema,
  mastodonConfigSchema,
  mastodonPostSettingsSchema,
} from './config.js';

const altText = { text: [{ counting: 'graphemes' as const, max: 1500 }], required: false };

/**
 * Mastodon's defaults. Each server may differ: the connector reads the real limits from /api/v2/instance for
 * every account (see limits/instance-limits.ts).
 */
export const mastodonManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'mastodon',
  displayName: 'Mastodon',
  description:
    'Publish to Mastodon and other servers speaking its API; read mentions, replies and direct messages.',
  homepage: 'https://docs.joinmastodon.org/api/',
  sdk: '^1.0.0',
  capabilities: {
    auth: {
      methods: ['oauth2'],
      pkce: true,
      refresh: false,
      revoke: true,
      scopes: [...MASTODON_SCOPES],
      params: jsonSchemaOf(mastodonAuthParamsSchema),
    },
    publish: {
      kinds: ['text', 'link', 'image', 'video', 'gif', 'thread', 'first-comment', 'poll'],
      idempotency: { kind: 'native', windowSeconds: 3600 },
    },
    findPublished: { maxWindowSeconds: 7 * 24 * 3600, visibilityDelaySeconds: 0 },
    delete: true,
    inbox: {
      kinds: ['comment', 'mention', 'direct-message'],
      pull: true,
      webhook: true,
      reply: true,
      hide: false,
      like: true,
    },
    insights: { post: ['likes', 'shares', 'comments'], account: ['followers'] },
  },
  limits: {
    text: [{ counting: 'graphemes', max: 500, urlLength: 23, ignoreMentionDomains: true }],
    textRequired: 'unless-media',
    media: {
      maxItems: 4,
      mixedKinds: false,
      image: {
        mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/avif'],
        maxCount: 4,
        maxBytes: 16_777_216,
        maxPixels: 33_177_600,
        altText,
      },
      gif: { mimeTypes: ['image/gif'], maxCount: 1, maxBytes: 16_777_216, maxPixels: 33_177_600, altText },
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
        maxCount: 1,
        maxBytes: 103_809_024,
        maxPixels: 8_294_400,
        altText,
      },
    },
    thread: {},
    poll: {
      maxOptions: 4,
      option: [{ counting: 'graphemes', max: 50 }],
      minDurationSeconds: 300,
      maxDurationSeconds: 2_629_746,
      withMedia: false,
    },
    firstComment: { text: [{ counting: 'graphemes', max: 500, urlLength: 23, ignoreMentionDomains: true }] },
  },
  rateLimits: {
    endpoints: [
      { endpoint: '*', requests: 300, windowSeconds: 300 },
      { endpoint: 'media.upload', requests: 30, windowSeconds: 1800 },
      { endpoint: 'statuses.delete', requests: 30, windowSeconds: 1800 },
    ],
    headers: {
      limit: 'x-ratelimit-limit',
      remaining: 'x-ratelimit-remaining',
      reset: 'x-ratelimit-reset',
      resetFormat: 'iso8601',
    },
  },
  configSchema: jsonSchemaOf(mastodonConfigSchema),
  postSettingsSchema: jsonSchemaOf(mastodonPostSettingsSchema),
};
