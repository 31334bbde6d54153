import { z } from 'zod';

const Template = z
  .string()
  .trim()
  .max(200)
  .describe('Text with {network}, {campaign}, {post} or {channel}; empty: the parameter is not added');

export const UtmSchemeDto = z.strictObject({
  enabled: z.boolean(),
  source: Template,
  medium: Template,
  campaign: Template,
  content: Template,
});

export type UtmSchemeDto = z.infer<typeof UtmSchemeDto>;
