import { jsonSchemaOf, type ConnectorManifestInput } from '@chorus/connector-sdk';
import { X_SCOPES, xConfigSchema, xPostSettingsSchema } from './config.js';

const MB = 1024 * 1024;
const FIFTEEN_MINUTES = 900;

/**
 * twitter-text's weighted length (config v3): Latin-1 to Tibetan and some punctuation weigh 1, everything else
 * (CJK, most scripts) 2, an emoji 2; every URL counts 23 (network-apis.md 5.2).
 */
export const X_TEXT_WEIGHTS = {
  default: 2,
  emoji: 2,
  ranges: [
    { from: 0, to: 4351, weight: 1 },
    { from: 8192, to: 8205, weight: 1 },
    { from: 8208, to: 8223, weight: 1 },
    { from: 8242, to: 8247, weight: 1 },
  ],
};

/**
 * Text as twitter-text counts it: NFC first, then every URL, with or without a scheme (`example.com`,
 * `www.x.co/p`), counts 23.
 */
const X_TEXT_RULE = {
  counting: 'weighted' as const,
  max: 280,
  urlLength: 23,
  schemelessUrls: true,
  normalization: 'NFC' as const,
  weights: X_TEXT_WEIGHTS,
};

const altText = { text: [{ counting: 'graphemes' as const, max: 1000 }], required: false };

/** Per-user budgets of network-apis.md 5.5 (the 24-hour app budgets are enforced by X's headers). */
const perUser = (endpoint: string, requests: number, windowSeconds = FIFTEEN_MINUTES) => ({
  endpoint,
  requests,
  windowSeconds,
});

/** What X (API v2) can do through this connector, and its limits as X counts them. */
export const xManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'x-twitter',
  displayName: 'X',
  sdk: '^1.0.0',
  capabilities: {
    auth: { methods: ['oauth2'], pkce: true, refresh: true, revoke: true, scopes: [...X_SCOPES] },
    // X has no idempotency key (5.7): reconciliation reads the account's timeline.
    publish: {
      kinds: ['text', 'link', 'image', 'video', 'gif', 'thread', 'first-comment', 'poll'],
      idempotency: { kind: 'none' },
    },
    findPublished: { maxWindowSeconds: 7 * 86_400, visibilityDelaySeconds: 5 },
    delete: true,
    inbox: {
      kinds: ['comment', 'mention', 'direct-message'],
      pull: true,
      webhook: true,
      reply: true,
      hide: true,
      like: false,
      delete: false,
    },
    insights: { post: ['impressions', 'likes', 'comments', 'shares', 'saves'], account: ['followers'] },
  },
  limits: {
    text: [X_TEXT_RULE],
    textRequired: 'unless-media',
    media: {
      maxItems: 4,
      mixedKinds: false,
      image: {
        mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
        maxCount: 4,
        maxBytes: 5 * MB,
        altText,
      },
      gif: {
        mimeTypes: ['image/gif'],
        maxCount: 1,
        maxBytes: 15 * MB,
        maxWidth: 1280,
        maxHeight: 1080,
        altText,
      },
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime'],
        maxCount: 1,
        maxBytes: 512 * MB,
        minWidth: 32,
        minHeight: 32,
        maxWidth: 1280,
        maxHeight: 1024,
        minAspectRatio: 1 / 3,
        maxAspectRatio: 3,
        minDurationSeconds: 0.5,
        maxDurationSeconds: 140,
        altText,
      },
    },
    poll: {
      minOptions: 2,
      maxOptions: 4,
      option: [{ counting: 'graphemes', max: 25 }],
      minDurationSeconds: 5 * 60,
      maxDurationSeconds: 10_080 * 60,
      withMedia: false,
    },
    firstComment: {
      text: [X_TEXT_RULE],
    },
  },
  rateLimits: {
    endpoints: [
      perUser('tweets.create', 100),
      { endpoint: 'tweets.create', requests: 10_000, windowSeconds: 86_400, scope: 'app' },
      perUser('tweets.delete', 50),
      perUser('tweets.lookup', 5_000),
      perUser('users.mentions', 300),
      perUser('users.tweets', 900),
      perUser('tweets.hidden', 50),
      perUser('users.me', 75),
      perUser('users.lookup', 900),
      perUser('dm.lookup', 15),
      perUser('dm.send', 15),
      perUser('dm.send', 1_440, 86_400),
      perUser('media.upload', 500),
      perUser('media.initialize', 1_875),
      perUser('media.append', 1_875),
      perUser('media.finalize', 1_875),
      perUser('media.status', 1_000),
    ],
    headers: {
      limit: 'x-rate-limit-limit',
      remaining: 'x-rate-limit-remaining',
      reset: 'x-rate-limit-reset',
      resetFormat: 'epoch-seconds',
    },
  },
  configSchema: jsonSchemaOf(xConfigSchema),
  postSettingsSchema: jsonSchemaOf(xPostSettingsSchema),
};
