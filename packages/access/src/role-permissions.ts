import { PERMISSIONS, type Permission } from './permissions.js';
import type { Role } from './roles.js';

/** Who did what is the admins' to read (it names people and their sign-ins), not every reader's. */
const ADMIN_ONLY_READS: readonly Permission[] = ['audit:read'];
const READ_ALL: Permission[] = PERMISSIONS.filter(
  (p) => p.endsWith(':read') && !ADMIN_ONLY_READS.includes(p),
);

/**
 * Which role may do what. Everyone in a workspace may read its plan and its results; writing is given to
 * the role whose job it is. The client approver reads goals and KPIs only (approvals come with content).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  strategist: [...READ_ALL, 'goal:write'],
  'content-manager': [...READ_ALL, 'campaign:write'],
  'community-manager': [...READ_ALL, 'saved-reply:write'],
  analyst: READ_ALL,
  'ads-manager': [...READ_ALL, 'ad-account:write'],
  designer: ['goal:read', 'campaign:read'],
  'client-approver': ['goal:read', 'kpi:read', 'campaign:read'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role]?.includes(permission) ?? false);
}
