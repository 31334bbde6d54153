import { jsonSchemaOf, type ConnectorManifestInput } from '@chorus/connector-sdk';
import {
  FACEBOOK_SCOPES,
  facebookAuthParamsSchema,
  facebookConfigSchema,
  facebookPostSettingsSchema,
} from './config.js';

const MB = 1_048_576;

/** Facebook Pages (network-apis.md 2). Meta counts text in UTF-16 code units. */
export const facebookManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'facebook-pages',
  displayName: 'Facebook Pages',
  description:
    'Publish to Facebook Pages; read and answer comments, mentions and Messenger messages; Page insights.',
  homepage: 'https://developers.facebook.com/docs/pages-api/',
  sdk: '^1.0.0',
  capabilities: {
    auth: {
      methods: ['oauth2'],
      pkce: false,
      refresh: false,
      // DELETE /me/permissions would remove the app from every Page of that person, not only this one.
      revoke: false,
      scopes: [...FACEBOOK_SCOPES],
      params: jsonSchemaOf(facebookAuthParamsSchema),
    },
    publish: {
      kinds: ['text', 'link', 'image', 'video', 'first-comment'],
      idempotency: { kind: 'none' },
    },
    findPublished: { maxWindowSeconds: 30 * 86_400, visibilityDelaySeconds: 5 },
    delete: true,
    inbox: {
      kinds: ['comment', 'mention', 'direct-message'],
      pull: true,
      webhook: true,
      reply: true,
      hide: true,
      like: true,
      delete: true,
    },
    insights: {
      post: ['likes', 'comments', 'shares', 'views', 'reach', 'clicks'],
      account: ['followers', 'views', 'reach'],
    },
  },
  limits: {
    text: [{ counting: 'utf16', max: 63_206 }],
    textRequired: 'unless-media',
    media: {
      maxItems: 10,
      mixedKinds: false,
      image: {
        mimeTypes: ['image/jpeg', 'image/png'],
        maxCount: 10,
        maxBytes: 4 * MB,
        altText: { text: [{ counting: 'utf16', max: 1000 }] },
      },
      video: {
        mimeTypes: ['video/mp4', 'video/quicktime'],
        maxCount: 1,
        maxBytes: 1024 * MB,
      },
    },
    firstComment: { text: [{ counting: 'utf16', max: 8000 }] },
  },
  rateLimits: {
    // The Pages Business-Use-Case floor: 4,800 calls per engaged user per rolling 24 h (2.5); the usage headers
    // hold an account earlier when Meta says so.
    endpoints: [{ endpoint: '*', requests: 4800, windowSeconds: 86_400 }],
  },
  configSchema: jsonSchemaOf(facebookConfigSchema),
  postSettingsSchema: jsonSchemaOf(facebookPostSettingsSchema),
};
