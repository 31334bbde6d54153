import { z } from 'zod';

export const BrandVoiceDto = z.object({
  voice: z
    .object({
      identityVersion: z.int(),
      wordsToAvoid: z.array(z.string()),
      requiredHashtags: z.array(z.string()),
      maxHashtagsPerPost: z.int().nullable(),
      hashtagPlacement: z.enum(['anywhere', 'end-of-text', 'first-comment']),
      maxLengthGuidance: z.int().nullable(),
    })
    .nullable()
    .describe("The strategy's voice rules as content last received them; null before the first"),
});
