import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../envelope/event-contract.js';

const Phrase = z.string().min(1).max(100);
const Hashtag = z.string().regex(/^[^\s#]{1,100}$/, 'must be one hashtag without the leading #');

/** The brand's voice rules changed; content checks drafts against the latest copy. Carries the whole voice. */
export const brandVoiceChangedV1 = defineEvent({
  type: 'BrandVoiceChanged',
  version: 1,
  source: 'strategy',
  payload: z
    .object({
      identityVersion: z
        .int()
        .positive()
        .describe(
          'Revision of the brand identity; +1 on every change. Drop a copy older than the one you hold',
        ),
      toneAdjectives: z
        .array(z.string().min(1).max(40))
        .max(10)
        .describe("e.g. ['warm', 'confident', 'playful']"),
      wordsToUse: z.array(Phrase).max(200),
      wordsToAvoid: z.array(Phrase).max(200),
      requiredHashtags: z.array(Hashtag).max(30).describe('Hashtags every post must carry, without the #'),
      emojiPolicy: z.enum(['avoid', 'sparingly', 'freely']),
      hashtagPolicy: z.object({
        maxPerPost: z
          .int()
          .nonnegative()
          .nullable()
          .describe('Null: no brand limit (network limits still apply)'),
        placement: z.enum(['anywhere', 'end-of-text', 'first-comment']),
      }),
      maxLengthGuidance: z
        .int()
        .positive()
        .nullable()
        .describe("Preferred maximum length in characters, softer than a network's own limit; null: none"),
    })
    .describe("The brand's voice and tone rules, whole"),
});

export type BrandVoiceChangedV1 = PayloadOf<typeof brandVoiceChangedV1>;
