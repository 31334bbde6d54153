import { z } from 'zod';
import { ROLES } from '@chorus/access';

export const MeResponse = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  workspaces: z.array(z.object({ id: z.uuid(), name: z.string(), roles: z.array(z.enum(ROLES)) })),
});
