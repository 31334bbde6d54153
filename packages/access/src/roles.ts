/** The roles a member holds in a workspace (DESIGN.md, "Team and agency"). */
export const ROLES = [
  'admin',
  'strategist',
  'content-manager',
  'community-manager',
  'analyst',
  'ads-manager',
  'designer',
  'client-approver',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
