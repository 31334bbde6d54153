import { z } from 'zod';

/** How a network counts the length of a text. */
export const CountingMethodSchema = z
  .enum(['graphemes', 'weighted', 'utf8-bytes', 'utf16'])
  .describe(
    'graphemes: user-perceived characters (Mastodon, Bluesky); weighted: X-style per-character weights; ' +
      'utf8-bytes: encoded size; utf16: JavaScript string length (most Meta and LinkedIn limits)',
  );

export const CharacterWeightsSchema = z
  .object({
    default: z.number().int().min(0).describe('Weight of a code point outside every range'),
    ranges: z
      .array(
        z
          .object({
            from: z.number().int().min(0),
            to: z.number().int().min(0),
            weight: z.number().int().min(0),
          })
          .strict(),
      )
      .default([]),
    emoji: z
      .union([z.number().int().min(0), z.literal('utf8-bytes')])
      .optional()
      .describe(
        "Weight of a whole emoji grapheme, whatever its code points; 'utf8-bytes': its UTF-8 length (Threads)",
      ),
  })
  .strict();

export const TextRuleSchema = z
  .object({
    counting: CountingMethodSchema,
    max: z.number().int().positive(),
    urlLength: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Every http(s) URL counts as exactly this many units (X and Mastodon: 23)'),
    schemelessUrls: z
      .boolean()
      .optional()
      .describe(
        'With urlLength: URLs without a scheme (example.com, www.x.co/p) count too, as twitter-text finds them (X)',
      ),
    normalization: z
      .literal('NFC')
      .optional()
      .describe('Normalize the text (Unicode NFC) before counting, as twitter-text does (X)'),
    ignoreMentionDomains: z
      .boolean()
      .default(false)
      .describe('A mention @user@domain counts as @user (Mastodon and other fediverse servers)'),
    weights: CharacterWeightsSchema.optional().describe("Required when counting is 'weighted'"),
  })
  .strict()
  .refine((rule) => rule.counting !== 'weighted' || rule.weights !== undefined, {
    message: "counting 'weighted' needs weights",
    path: ['weights'],
  });

/** Every rule must hold (Bluesky: 300 graphemes and 3,000 UTF-8 bytes). */
export const TextLimitsSchema = z.array(TextRuleSchema).min(1);

export type CountingMethod = z.output<typeof CountingMethodSchema>;
export type CharacterWeights = z.output<typeof CharacterWeightsSchema>;
export type TextRule = z.output<typeof TextRuleSchema>;
export type TextRuleInput = z.input<typeof TextRuleSchema>;
