import { z } from 'zod';
import { ROLES } from '@chorus/access';

const Roles = z
  .array(z.enum(ROLES))
  .min(1, 'give at least one role')
  .max(ROLES.length)
  .describe('One or more of: ' + ROLES.join(', '));

export const InviteMemberBody = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  roles: Roles,
});
export type InviteMemberBody = z.infer<typeof InviteMemberBody>;

export const InvitedMemberResponse = z.object({
  memberId: z.uuid(),
  newAccount: z.boolean().describe('true: a new account, mailed a link to set its password'),
});

export const ChangeRolesBody = z.strictObject({ roles: Roles });
export type ChangeRolesBody = z.infer<typeof ChangeRolesBody>;

export const MemberIdParam = z.uuid();

export const MemberListResponse = z.object({
  items: z.array(
    z.object({ id: z.uuid(), name: z.string(), email: z.string(), roles: z.array(z.enum(ROLES)) }),
  ),
});

export const CreateWorkspaceBody = z.strictObject({ name: z.string().trim().min(1).max(200) });
export type CreateWorkspaceBody = z.infer<typeof CreateWorkspaceBody>;

export const WorkspaceResponse = z.object({ id: z.uuid(), name: z.string() });
