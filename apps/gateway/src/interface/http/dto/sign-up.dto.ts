import { z } from 'zod';

export const SignUpBody = z.strictObject({
  agencyName: z.string().trim().min(1).max(200).describe('Your company: the agency that runs Chorus'),
  workspaceName: z.string().trim().min(1).max(200).describe('The first brand you manage'),
  name: z.string().trim().min(1).max(200).describe('Your name'),
  email: z.email(),
  password: z.string().min(12, 'must be at least 12 characters').max(200),
});
export type SignUpBody = z.infer<typeof SignUpBody>;

export const SignUpResponse = z.object({
  agencyId: z.uuid(),
  workspaceId: z.uuid(),
  userId: z.uuid(),
  token: z.string().describe('API token for Authorization: Bearer; shown once'),
  expiresAt: z.iso.datetime(),
});
