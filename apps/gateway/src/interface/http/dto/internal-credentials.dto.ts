import { z } from 'zod';

/** The most channels one batched credentials read may name. */
export const CREDENTIALS_BATCH_MAX = 100;

export const CredentialsBatchBody = z.strictObject({
  channelIds: z
    .array(z.uuid())
    .min(1)
    .max(CREDENTIALS_BATCH_MAX)
    .refine((ids) => new Set(ids).size === ids.length, 'each channel id at most once')
    .describe(`The channels whose credentials to read, 1 to ${CREDENTIALS_BATCH_MAX}, each once`),
});
export type CredentialsBatchBody = z.infer<typeof CredentialsBatchBody>;
