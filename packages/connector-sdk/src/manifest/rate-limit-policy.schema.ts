import { z } from 'zod';

export const RateLimitRuleSchema = z
  .object({
    endpoint: z
      .string()
      .min(1)
      .describe("The endpoint name the connector tags its requests with; '*' counts every request"),
    requests: z.number().int().positive(),
    windowSeconds: z.number().positive(),
    scope: z
      .enum(['account', 'app'])
      .default('account')
      .describe('account: per connected account; app: shared by every account of this connector'),
  })
  .strict();

/** Headers through which the network reports its own budget on every response. */
export const RateLimitHeadersSchema = z
  .object({
    limit: z.string().optional(),
    remaining: z.string(),
    reset: z.string(),
    resetFormat: z.enum(['iso8601', 'epoch-seconds', 'delta-seconds']),
  })
  .strict();

export const RateLimitPolicySchema = z
  .object({
    endpoints: z.array(RateLimitRuleSchema).default([]),
    headers: RateLimitHeadersSchema.optional(),
  })
  .strict();

export type RateLimitRule = z.output<typeof RateLimitRuleSchema>;
export type RateLimitHeaders = z.output<typeof RateLimitHeadersSchema>;
export type RateLimitPolicy = z.output<typeof RateLimitPolicySchema>;
