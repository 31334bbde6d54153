import { jsonSchemaOf, type ConnectorManifestInput, type TextRuleInput } from '@chorus/connector-sdk';
import { blueskyAuthParamsSchema, blueskyConfigSchema, blueskyPostSettingsSchema } from './config.js';

// Both must hold (network-apis.md 11.2); graphemes first, the rule people meet.
const POST_TEXT: TextRuleInput[] = [
  { counting: 'graphemes', max: 300 },
  { counting: 'utf8-bytes', max: 3000 },
];

/** Bluesky over the AT Protocol: limits from the app.bsky lexicons and network-apis.md section 11. */
export const blueskyManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'bluesky',
  displayName: 'Bluesky',
  description:
    'Publish posts, threads, images, videos and link cards to Bluesky and other AT Protocol servers; read replies, mentions and quotes; count likes, reposts and followers.',
  homepage: 'https://docs.bsky.app/',
  sdk: '^1.0.0',
  capabilities: {
    auth: {
      methods: ['app-password'],
      pkce: false,
      // Access tokens live about two hours; refresh rotates the pair. Revoking ends the refresh token only:
      // access tokens are stateless JWTs that the PDS honours until they expire, so revoke is not declared.
      refresh: true,
      revoke: false,
      scopes: [],
      params: jsonSchemaOf(blueskyAuthParamsSchema),
    },
    publish: {
      kinds: ['text', 'link', 'image', 'video', 'thread', 'first-comment'],
      // The record key derives from the idempotency key and a repository keeps a key forever.
      idempotency: { kind: 'native', windowSeconds: 10 * 365 * 24 * 3600 },
    },
    // getRecord by the derived key reads the repository itself: no window, no indexing delay.
    findPublished: { maxWindowSeconds: 10 * 365 * 24 * 3600, visibilityDelaySeconds: 0 },
    delete: true,
    inbox: {
      kinds: ['comment', 'mention'],
      pull: true,
      webhook: false,
      reply: true,
      hide: true,
      like: true,
    },
    insights: { post: ['likes', 'comments', 'shares'], account: ['followers'] },
  },
  limits: {
    text: POST_TEXT,
    // A post may have no text when it has media or a link card; bluesky-rules.ts checks that.
    textRequired: 'never',
    media: {
      maxItems: 4,
      mixedKinds: false,
      image: {
        mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
        maxCount: 4,
        maxBytes: 1_000_000,
        // The lexicon sets no limit on image alt text; the Bluesky app stops at 2,000.
        altText: { text: [{ counting: 'graphemes', max: 2000 }], required: false },
      },
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm', 'video/mpeg'],
        maxCount: 1,
        maxBytes: 100_000_000,
        maxDurationSeconds: 180,
        minAspectRatio: 1 / 3,
        maxAspectRatio: 3,
        altText: { text: [{ counting: 'graphemes', max: 1000 }], required: false },
      },
    },
    thread: {},
    firstComment: { text: POST_TEXT },
  },
  rateLimits: {
    endpoints: [
      // Per IP address of the host: every account shares it.
      { endpoint: '*', requests: 3000, windowSeconds: 300, scope: 'app' },
      { endpoint: 'session.create', requests: 30, windowSeconds: 300 },
      // 5,000 write points an hour at 3 points per create (network-apis.md 11.5).
      { endpoint: 'records.create', requests: 1666, windowSeconds: 3600 },
    ],
    headers: {
      limit: 'ratelimit-limit',
      remaining: 'ratelimit-remaining',
      reset: 'ratelimit-reset',
      resetFormat: 'epoch-seconds',
    },
  },
  configSchema: jsonSchemaOf(blueskyConfigSchema),
  postSettingsSchema: jsonSchemaOf(blueskyPostSettingsSchema),
};
