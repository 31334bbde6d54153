/**
 * Every permission an endpoint may require, named `<object>:<action>`. Services declare the one they need
 * with `@RequirePermission(...)`; the matrix in role-permissions.ts grants them to roles.
 */
export const PERMISSIONS = [
  'workspace:manage',
  'member:manage',
  'member:read',
  'audit:read',
  'channel:read',
  'channel:manage',
  'notification-webhook:manage',
  'goal:read',
  'goal:write',
  'budget:read',
  'budget:write',
  'kpi:read',
  'campaign:read',
  'campaign:write',
  'post:approve',
  'comment:write',
  'asset-request:write',
  'media:write',
  'publishing:pause',
  'saved-reply:read',
  'saved-reply:write',
  'interaction:read',
  'ad-account:read',
  'ad-account:write',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}
