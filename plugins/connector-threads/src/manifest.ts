import { jsonSchemaOf, type ConnectorManifestInput } from '@chorus/connector-sdk';
import { THREADS_SCOPES, threadsConfigSchema, threadsPostSettingsSchema } from './config.js';

// 500 characters, emoji counted by their UTF-8 length (4.2): 😀 4, ❤️ 6, 👍🏽 8, a ZWJ family 18; every other
// character 1 per code point (a CJK ideograph 1, a combining accent 1 of its own).
const text = [
  {
    counting: 'weighted' as const,
    max: 500,
    weights: { default: 1, ranges: [], emoji: 'utf8-bytes' as const },
  },
];

/** Threads (network-apis.md 4). */
export const threadsManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'threads',
  displayName: 'Threads',
  description:
    'Publish text, links, photos, videos, carousels and self-threads to Threads; replies, mentions and insights.',
  homepage: 'https://developers.facebook.com/docs/threads/',
  sdk: '^1.0.0',
  capabilities: {
    auth: { methods: ['oauth2'], pkce: false, refresh: true, revoke: false, scopes: [...THREADS_SCOPES] },
    publish: {
      kinds: ['text', 'link', 'image', 'video', 'thread', 'first-comment'],
      idempotency: { kind: 'none' },
    },
    findPublished: { maxWindowSeconds: 7 * 86_400, visibilityDelaySeconds: 5 },
    delete: true,
    inbox: { kinds: ['comment', 'mention'], pull: true, webhook: true, reply: true, hide: true, like: false },
    insights: {
      post: ['views', 'likes', 'comments', 'shares'],
      account: ['followers', 'views', 'likes', 'comments', 'shares', 'clicks'],
    },
  },
  limits: {
    text,
    textRequired: 'unless-media',
    media: {
      maxItems: 20,
      mixedKinds: true,
      image: {
        mimeTypes: ['image/jpeg', 'image/png'],
        maxCount: 20,
        maxBytes: 8 * 1_048_576,
        altText: { text: [{ counting: 'utf16', max: 1000 }] },
      },
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime'],
        maxCount: 20,
        maxBytes: 1024 * 1_048_576,
        maxDurationSeconds: 300,
      },
    },
    thread: {},
    firstComment: { text },
  },
  rateLimits: {
    endpoints: [
      { endpoint: 'threads.publish', requests: 250, windowSeconds: 86_400 },
      { endpoint: 'replies.publish', requests: 1000, windowSeconds: 86_400 },
      { endpoint: 'threads.delete', requests: 100, windowSeconds: 86_400 },
      { endpoint: '*', requests: 4800, windowSeconds: 86_400 },
    ],
  },
  configSchema: jsonSchemaOf(threadsConfigSchema),
  postSettingsSchema: jsonSchemaOf(threadsPostSettingsSchema),
};
