import { z } from 'zod';

export const SignInBody = z.strictObject({
  email: z.email(),
  password: z.string().min(1).max(200),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const SignInResponse = z.object({
  userId: z.uuid(),
  token: z.string().describe('API token for Authorization: Bearer; shown once'),
  expiresAt: z.iso.datetime(),
});
