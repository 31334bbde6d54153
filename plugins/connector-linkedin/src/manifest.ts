import { jsonSchemaOf, type ConnectorManifestInput } from '@chorus/connector-sdk';
import {
  LINKEDIN_SCOPES,
  linkedinAuthParamsSchema,
  linkedinConfigSchema,
  linkedinPostSettingsSchema,
} from './config.js';

// Commentary: 3,000 characters (6.3), counted as LinkedIn's Java strings do, in UTF-16 code units.
const commentary = [{ counting: 'utf16' as const, max: 3000 }];
const DAY = 86_400;

/** LinkedIn Posts and Community Management (network-apis.md 6). */
export const linkedinManifest: ConnectorManifestInput = {
  manifestVersion: 1,
  network: 'linkedin',
  displayName: 'LinkedIn',
  description:
    'Publish to a LinkedIn member profile or organization page: text, link cards, images, videos, polls and a first comment; page comments and mentions; page analytics.',
  homepage: 'https://learn.microsoft.com/linkedin/marketing/community-management/',
  sdk: '^1.0.0',
  capabilities: {
    auth: {
      methods: ['oauth2'],
      pkce: false,
      refresh: true,
      revoke: false,
      scopes: [...LINKEDIN_SCOPES],
      params: jsonSchemaOf(linkedinAuthParamsSchema),
    },
    publish: {
      kinds: ['text', 'link', 'image', 'video', 'gif', 'first-comment', 'poll'],
      idempotency: { kind: 'none' },
    },
    findPublished: { maxWindowSeconds: 30 * DAY, visibilityDelaySeconds: 5 },
    delete: true,
    inbox: {
      kinds: ['comment', 'mention'],
      pull: true,
      webhook: true,
      reply: true,
      hide: false,
      like: true,
      delete: true,
    },
    insights: {
      post: ['impressions', 'reach', 'clicks', 'likes', 'comments', 'shares'],
      account: ['followers', 'views', 'impressions', 'clicks', 'likes', 'comments', 'shares'],
    },
  },
  limits: {
    text: commentary,
    textRequired: 'unless-media',
    media: {
      maxItems: 20,
      mixedKinds: false,
      image: {
        mimeTypes: ['image/jpeg', 'image/png'],
        maxCount: 20,
        maxBytes: 5 * 1_048_576,
        maxPixels: 36_152_319,
        altText: { text: [{ counting: 'utf16', max: 4086 }] },
      },
      gif: {
        mimeTypes: ['image/gif'],
        maxCount: 1,
        maxBytes: 5 * 1_048_576,
        maxPixels: 36_152_319,
        altText: { text: [{ counting: 'utf16', max: 4086 }] },
      },
      video: {
        mimeTypes: ['video/mp4'],
        maxCount: 1,
        maxBytes: 500 * 1_048_576,
        minDurationSeconds: 3,
        maxDurationSeconds: 30 * 60,
        minAspectRatio: 1 / 2.4,
        maxAspectRatio: 2.4,
      },
    },
    poll: {
      minOptions: 2,
      maxOptions: 4,
      option: [{ counting: 'utf16', max: 30 }],
      minDurationSeconds: DAY,
      maxDurationSeconds: 14 * DAY,
      withMedia: false,
    },
    firstComment: { text: [{ counting: 'utf16', max: 1250 }] },
  },
  rateLimits: {
    // Daily quotas exist per app and per member but their values are not published (6.6); Postiz runs
    // LinkedIn two requests at a time. These budgets keep one account well inside what LinkedIn allows.
    endpoints: [
      { endpoint: 'posts.create', requests: 150, windowSeconds: DAY },
      { endpoint: 'comments.create', requests: 500, windowSeconds: DAY },
      { endpoint: '*', requests: 5000, windowSeconds: DAY },
    ],
  },
  configSchema: jsonSchemaOf(linkedinConfigSchema),
  postSettingsSchema: jsonSchemaOf(linkedinPostSettingsSchema),
};
