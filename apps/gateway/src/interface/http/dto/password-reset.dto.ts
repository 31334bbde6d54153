import { z } from 'zod';

export const RequestPasswordResetBody = z.strictObject({ email: z.email() });
export type RequestPasswordResetBody = z.infer<typeof RequestPasswordResetBody>;

export const CompletePasswordResetBody = z.strictObject({
  token: z.string().min(1).max(200).describe('The token from the reset link'),
  password: z.string().min(12, 'must be at least 12 characters').max(200),
});
export type CompletePasswordResetBody = z.infer<typeof CompletePasswordResetBody>;

export const AcceptedResponse = z.object({ message: z.string() });
