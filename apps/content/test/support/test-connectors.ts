import {
  ConnectorManifestSchema,
  jsonSchemaOf,
  validatePost,
  z,
  type ConnectorManifest,
  type PostInput,
  type ValidationIssue,
} from '@chorus/connector-sdk';
import type { PublishConnectorSource } from '../../src/index.js';

// Two manifests shaped like the real connectors' (network-apis.md): Bluesky counts 300 graphemes and 3000
// bytes, up to 4 images with alt text; Instagram takes 2200 characters, carousels of 10 and stories through a
// `placement` setting. Validation is the SDK's generic validator, as the connector host runs it.
const bluesky = ConnectorManifestSchema.parse({
  manifestVersion: 1,
  network: 'bluesky',
  displayName: 'Bluesky',
  sdk: '^1.0.0',
  capabilities: {
    auth: { methods: ['app-password'] },
    publish: { kinds: ['text', 'link', 'image', 'thread'], idempotency: { kind: 'none' } },
  },
  limits: {
    text: [
      { counting: 'graphemes', max: 300 },
      { counting: 'utf8-bytes', max: 3000 },
    ],
    textRequired: 'unless-media',
    media: {
      maxItems: 4,
      image: {
        mimeTypes: ['image/jpeg', 'image/png'],
        maxCount: 4,
        maxBytes: 1_000_000,
        altText: { text: [{ counting: 'graphemes', max: 2000 }], required: false },
      },
    },
    thread: { maxPosts: 10 },
  },
  rateLimits: { endpoints: [] },
  configSchema: jsonSchemaOf(z.object({})),
  postSettingsSchema: jsonSchemaOf(z.object({ language: z.string().length(2).optional() })),
});

const instagram = ConnectorManifestSchema.parse({
  manifestVersion: 1,
  network: 'instagram',
  displayName: 'Instagram',
  sdk: '^1.0.0',
  capabilities: {
    auth: { methods: ['oauth2'] },
    publish: { kinds: ['image', 'video', 'first-comment'], idempotency: { kind: 'none' } },
  },
  limits: {
    text: [{ counting: 'graphemes', max: 2200 }],
    textRequired: 'never',
    media: {
      maxItems: 10,
      mixedKinds: true,
      // Instagram's documented feed ratios, 4:5 to 1.91:1 (media library derivatives crop to them).
      image: {
        mimeTypes: ['image/jpeg'],
        maxCount: 10,
        maxBytes: 8_388_608,
        minAspectRatio: 0.8,
        maxAspectRatio: 1.91,
      },
      video: { mimeTypes: ['video/mp4'], maxCount: 10, maxDurationSeconds: 900 },
    },
    firstComment: { text: [{ counting: 'graphemes', max: 2200 }] },
  },
  rateLimits: { endpoints: [] },
  configSchema: jsonSchemaOf(z.object({})),
  postSettingsSchema: jsonSchemaOf(z.object({ placement: z.enum(['feed', 'story']).optional() })),
});

const manifests = new Map<string, ConnectorManifest>([
  ['bluesky', bluesky],
  ['instagram', instagram],
]);

/** What the connector host offers, for the two networks above. */
export const testConnectors: PublishConnectorSource = {
  has: (id) => manifests.has(id),
  connector: (id) => {
    const manifest = manifests.get(id)!;
    return {
      manifest,
      validate: (post: PostInput): Promise<ValidationIssue[]> =>
        Promise.resolve(validatePost(manifest, post)),
    };
  },
};
