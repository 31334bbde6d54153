import { z } from 'zod';
import type { BrandIdentityProps } from '../../../domain/brand-identity.aggregate.js';
import { LongText, ShortText } from './common.dto.js';

// Limits follow BrandVoiceChanged v1, so that every saved voice can be published.
const Phrase = z.string().trim().min(1).max(100);
const Hashtag = z
  .string()
  .regex(/^[^\s#]{1,100}$/, 'must be one hashtag without the leading # and without spaces');

export const BrandVoiceDto = z.strictObject({
  toneAdjectives: z.array(z.string().trim().min(1).max(40)).max(10).describe("e.g. ['warm', 'confident']"),
  doExamples: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
  dontExamples: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
  wordsToUse: z.array(Phrase).max(200).default([]),
  wordsToAvoid: z.array(Phrase).max(200).default([]),
  emojiPolicy: z.enum(['avoid', 'sparingly', 'freely']),
  hashtagPolicy: z.strictObject({
    maxPerPost: z
      .int()
      .nonnegative()
      .nullable()
      .describe('null: no brand limit (network limits still apply)'),
    placement: z.enum(['anywhere', 'end-of-text', 'first-comment']).default('anywhere'),
    required: z.array(Hashtag).max(30).default([]).describe('Hashtags every post must carry, without the #'),
  }),
  maxLengthGuidance: z
    .int()
    .positive()
    .nullable()
    .default(null)
    .describe("Preferred maximum length in characters, softer than a network's own limit"),
});

export const SaveBrandIdentityBody = z.strictObject({
  brandName: ShortText,
  mission: LongText.min(1),
  valueProposition: LongText.min(1),
  differentiators: z.array(ShortText).max(20).default([]),
  voice: BrandVoiceDto,
});

export type SaveBrandIdentityBody = z.infer<typeof SaveBrandIdentityBody>;

export const BrandIdentityDto = z.object({
  workspaceId: z.uuid(),
  version: z.int(),
  brandName: z.string(),
  mission: z.string(),
  valueProposition: z.string(),
  differentiators: z.array(z.string()),
  voice: BrandVoiceDto,
  createdAt: z.iso.datetime(),
  createdBy: z.uuid(),
});

export type BrandIdentityDto = z.infer<typeof BrandIdentityDto>;

export const BrandIdentityVersionsDto = z.object({ items: z.array(BrandIdentityDto) });

export function toBrandIdentityDto(p: BrandIdentityProps): BrandIdentityDto {
  return {
    workspaceId: p.workspaceId,
    version: p.version,
    brandName: p.brandName,
    mission: p.mission,
    valueProposition: p.valueProposition,
    differentiators: [...p.differentiators],
    voice: {
      ...p.voice,
      toneAdjectives: [...p.voice.toneAdjectives],
      doExamples: [...p.voice.doExamples],
      dontExamples: [...p.voice.dontExamples],
      wordsToUse: [...p.voice.wordsToUse],
      wordsToAvoid: [...p.voice.wordsToAvoid],
      hashtagPolicy: { ...p.voice.hashtagPolicy, required: [...p.voice.hashtagPolicy.required] },
    },
    createdAt: p.createdAt.toISOString(),
    createdBy: p.createdBy,
  };
}
