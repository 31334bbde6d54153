import { jsonSchemaOf, type ConnectorManifestInput } from '@chorus/connector-sdk';
import {
  INSTAGRAM_LOGIN_SCOPES,
  instagramAuthParamsSchema,
  instagramConfigSchema,
  instagramPostSettingsSchema,
} from './config.js';

const MB = 1_048_576;
const caption = [{ counting: 'utf16' as const, max: 2200 }];

/** Instagram professional accounts (network-apis.md 3), through Instagram Login or Facebook Login. */
export const instagramManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'instagram',
  displayName: 'Instagram',
  description:
    'Publish photos, carousels, reels and stories to Instagram professional accounts; comments, mentions, insights.',
  homepage: 'https://developers.facebook.com/docs/instagram-platform/',
  sdk: '^1.0.0',
  capabilities: {
    auth: {
      methods: ['oauth2'],
      pkce: false,
      refresh: true,
      revoke: false,
      scopes: [...INSTAGRAM_LOGIN_SCOPES],
      params: jsonSchemaOf(instagramAuthParamsSchema),
    },
    publish: { kinds: ['image', 'video', 'first-comment'], idempotency: { kind: 'none' } },
    findPublished: { maxWindowSeconds: 7 * 86_400, visibilityDelaySeconds: 5 },
    delete: false,
    inbox: {
      kinds: ['comment', 'mention', 'direct-message'],
      pull: true,
      webhook: true,
      reply: true,
      hide: true,
      like: false,
      delete: true,
    },
    insights: {
      post: ['likes', 'comments', 'shares', 'saves', 'views', 'reach'],
      account: ['followers', 'views', 'reach'],
    },
  },
  limits: {
    text: caption,
    textRequired: 'never',
    media: {
      maxItems: 10,
      mixedKinds: true,
      image: {
        mimeTypes: ['image/jpeg'],
        maxCount: 10,
        maxBytes: 8 * MB,
        altText: { text: [{ counting: 'utf16', max: 1000 }] },
      },
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime'],
        maxCount: 10,
        maxBytes: 300 * MB,
        maxWidth: 1920,
        minDurationSeconds: 3,
        maxDurationSeconds: 900,
      },
    },
    firstComment: { text: caption },
  },
  rateLimits: {
    endpoints: [
      // The publishing quota is read from content_publishing_limit before each post; this is the ceiling.
      { endpoint: 'media.publish', requests: 100, windowSeconds: 86_400 },
      { endpoint: '*', requests: 4800, windowSeconds: 86_400 },
    ],
  },
  configSchema: jsonSchemaOf(instagramConfigSchema),
  postSettingsSchema: jsonSchemaOf(instagramPostSettingsSchema),
};
