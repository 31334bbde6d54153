import { z } from 'zod';

export const CreateCampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().default(null),
});

export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;
