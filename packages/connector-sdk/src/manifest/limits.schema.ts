import { z } from 'zod';
import { TextLimitsSchema } from './text-rule.schema.js';

const positiveInt = z.number().int().positive();

export const AltTextLimitsSchema = z
  .object({
    text: TextLimitsSchema,
    required: z.boolean().default(false),
  })
  .strict();

export const MediaRuleSchema = z
  .object({
    mimeTypes: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/)).min(1),
    maxCount: positiveInt.describe('Most items of this kind in one post'),
    maxBytes: positiveInt.optional(),
    maxPixels: positiveInt.optional().describe('width x height'),
    minWidth: positiveInt.optional(),
    minHeight: positiveInt.optional(),
    maxWidth: positiveInt.optional(),
    maxHeight: positiveInt.optional(),
    minAspectRatio: z.number().positive().optional().describe('width / height'),
    maxAspectRatio: z.number().positive().optional().describe('width / height'),
    minDurationSeconds: z.number().positive().optional(),
    maxDurationSeconds: z.number().positive().optional(),
    altText: AltTextLimitsSchema.optional().describe('Absent when the network has no alt text for this kind'),
  })
  .strict();

export const MediaLimitsSchema = z
  .object({
    maxItems: positiveInt.describe('Most attachments in one post, all kinds together'),
    mixedKinds: z.boolean().default(false).describe('Whether images and videos may share a post'),
    image: MediaRuleSchema.optional(),
    video: MediaRuleSchema.optional(),
    gif: MediaRuleSchema.optional(),
  })
  .strict();

export const PollLimitsSchema = z
  .object({
    minOptions: z.number().int().min(2).default(2),
    maxOptions: z.number().int().min(2),
    option: TextLimitsSchema,
    minDurationSeconds: positiveInt,
    maxDurationSeconds: positiveInt,
    withMedia: z.boolean().default(false).describe('Whether a poll and media may share a post'),
  })
  .strict();

export const ThreadLimitsSchema = z
  .object({
    maxPosts: z.number().int().min(2).optional().describe('Most posts in one thread, the first included'),
  })
  .strict();

export const FirstCommentLimitsSchema = z.object({ text: TextLimitsSchema }).strict();

export const LimitsSchema = z
  .object({
    text: TextLimitsSchema,
    textRequired: z
      .enum(['always', 'unless-media', 'never'])
      .default('always')
      .describe('When a post may have empty text'),
    media: MediaLimitsSchema.optional(),
    thread: ThreadLimitsSchema.optional(),
    poll: PollLimitsSchema.optional(),
    firstComment: FirstCommentLimitsSchema.optional(),
  })
  .strict();

export type AltTextLimits = z.output<typeof AltTextLimitsSchema>;
export type MediaRule = z.output<typeof MediaRuleSchema>;
export type MediaLimits = z.output<typeof MediaLimitsSchema>;
export type PollLimits = z.output<typeof PollLimitsSchema>;
export type ThreadLimits = z.output<typeof ThreadLimitsSchema>;
export type Limits = z.output<typeof LimitsSchema>;
export type LimitsInput = z.input<typeof LimitsSchema>;
