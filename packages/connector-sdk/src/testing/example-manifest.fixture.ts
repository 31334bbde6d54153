import { z } from 'zod';
import { jsonSchemaOf, secret } from '../schema/json-schema-of.js';
import type { ConnectorManifestInput } from '../manifest/manifest.schema.js';

/** A Bluesky-like manifest for the SDK's own tests: two text rules, images with alt text, threads. */
export function exampleManifest(overrides: Partial<ConnectorManifestInput> = {}): ConnectorManifestInput {
  return {
    manifestVersion: 1,
    network: 'example',
    displayName: 'Example',
    sdk: '^1.0.0',
    capabilities: {
      auth: { methods: ['app-password'], refresh: true },
      publish: {
        kinds: ['text', 'image', 'thread', 'poll'],
        idempotency: { kind: 'native', windowSeconds: 3600 },
      },
      findPublished: { maxWindowSeconds: 86_400 },
      delete: true,
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
          minAspectRatio: 1 / 3,
          maxAspectRatio: 3,
          altText: { text: [{ counting: 'graphemes', max: 2000 }], required: true },
        },
      },
      thread: { maxPosts: 3 },
      poll: {
        maxOptions: 4,
        option: [{ counting: 'graphemes', max: 50 }],
        minDurationSeconds: 300,
        maxDurationSeconds: 604_800,
      },
    },
    rateLimits: { endpoints: [{ endpoint: 'posts.create', requests: 3, windowSeconds: 60 }] },
    configSchema: jsonSchemaOf(z.object({ apiKey: secret(z.string()), baseUrl: z.url().optional() })),
    postSettingsSchema: jsonSchemaOf(z.object({ language: z.string().length(2).optional() })),
    ...overrides,
  };
}
