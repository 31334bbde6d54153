import { z } from 'zod';
import { ROLES } from '@chorus/access';

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the token is for: "reporting script"'),
  scopes: z
    .array(z.enum(ROLES))
    .min(1)
    .max(ROLES.length)
    .optional()
    .describe('The roles the token may act with; omitted: all of yours'),
  expiresInDays: z.int().min(1).max(365).default(90),
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;

const ApiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(z.enum(ROLES)).nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});

export const CreatedApiTokenResponse = ApiTokenView.extend({
  token: z.string().describe('For Authorization: Bearer; shown once'),
});

export const ApiTokenListResponse = z.object({ items: z.array(ApiTokenView) });

export const ApiTokenIdParam = z.uuid();
