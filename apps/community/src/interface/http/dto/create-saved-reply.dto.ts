import { z } from 'zod';

export const CreateSavedReplyBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(5000),
});

export type CreateSavedReplyBody = z.infer<typeof CreateSavedReplyBody>;
