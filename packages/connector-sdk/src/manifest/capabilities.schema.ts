import { z } from 'zod';
import { ObjectJsonSchemaSchema } from './object-json-schema.schema.js';

export const ContentKindSchema = z.enum([
  'text',
  'link',
  'image',
  'video',
  'gif',
  'thread',
  'first-comment',
  'poll',
]);
export const AuthMethodSchema = z.enum(['oauth2', 'app-password', 'token']);
export const InteractionKindSchema = z.enum(['comment', 'mention', 'direct-message']);
/** One normalised vocabulary for every network's counters. */
export const MetricNameSchema = z.enum([
  'followers',
  'impressions',
  'views',
  'reach',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
  'video_views',
]);

export const AuthCapabilitySchema = z
  .object({
    methods: z.array(AuthMethodSchema).min(1),
    pkce: z.boolean().default(false).describe('OAuth 2 authorization code with PKCE (S256)'),
    refresh: z.boolean().default(false).describe('Credentials expire and refresh() renews them'),
    revoke: z.boolean().default(false),
    scopes: z.array(z.string()).default([]),
    params: ObjectJsonSchemaSchema.optional().describe(
      'What the user enters before connecting an account (a Mastodon instance, a Bluesky handle)',
    ),
  })
  .strict();

export const PublishCapabilitySchema = z
  .object({
    kinds: z.array(ContentKindSchema).min(1),
    idempotency: z
      .discriminatedUnion('kind', [
        z
          .object({
            kind: z.literal('native'),
            windowSeconds: z.number().int().positive().describe('How long the network remembers a key'),
          })
          .strict(),
        z.object({ kind: z.literal('none') }).strict(),
      ])
      .describe('native: the network itself refuses a second post with the same idempotency key'),
  })
  .strict();

export const FindPublishedCapabilitySchema = z
  .object({
    maxWindowSeconds: z.number().int().positive().describe('How far back a lookup can see'),
    visibilityDelaySeconds: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe('How long after publishing a post may still be invisible to a lookup'),
  })
  .strict();

export const InboxCapabilitySchema = z
  .object({
    kinds: z.array(InteractionKindSchema).min(1),
    pull: z.boolean().default(true),
    webhook: z.boolean().default(false),
    reply: z.boolean().default(false),
    hide: z.boolean().default(false),
    like: z.boolean().default(false),
    delete: z.boolean().default(false).describe("Deletes other people's comments (not only hides them)"),
  })
  .strict();

export const InsightsCapabilitySchema = z
  .object({
    post: z.array(MetricNameSchema).default([]),
    account: z.array(MetricNameSchema).default([]),
  })
  .strict();

export const CapabilitiesSchema = z
  .object({
    auth: AuthCapabilitySchema,
    publish: PublishCapabilitySchema.optional(),
    findPublished: FindPublishedCapabilitySchema.optional(),
    delete: z.boolean().default(false),
    inbox: InboxCapabilitySchema.optional(),
    insights: InsightsCapabilitySchema.optional(),
  })
  .strict();

export type ContentKind = z.output<typeof ContentKindSchema>;
export type AuthMethod = z.output<typeof AuthMethodSchema>;
export type InteractionKind = z.output<typeof InteractionKindSchema>;
export type MetricName = z.output<typeof MetricNameSchema>;
export type Capabilities = z.output<typeof CapabilitiesSchema>;
