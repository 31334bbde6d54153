import { PERMISSIONS, type Permission } from './permissions.js';
import type { Role } from './roles.js';

/**
 * Reads not everyone gets: who did what names people and their sign-ins; the budget holds the team's
 * hourly rates.
 */
const RESTRICTED_READS: readonly Permission[] = ['audit:read', 'budget:read'];
const READ_ALL: Permission[] = PERMISSIONS.filter(
  (p) => p.endsWith(':read') && !RESTRICTED_READS.includes(p),
);

/**
 * Which role may do what. Everyone in a workspace may read its plan and its results; writing is given to
 * the role whose job it is. The client approver reads goals, KPIs and posts, and approves posts; approving also
 * needs the role an approval step names (apps/content, docs/adr/0022). Designers comment, take asset requests and
 * upload the media they deliver.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  strategist: [...READ_ALL, 'goal:write', 'budget:read', 'budget:write', 'post:approve', 'comment:write'],
  'content-manager': [
    ...READ_ALL,
    'campaign:write',
    'post:approve',
    'comment:write',
    'asset-request:write',
    'media:write',
    'publishing:pause',
  ],
  // The community manager sees a crisis first: they may stop scheduled posts too.
  'community-manager': [...READ_ALL, 'saved-reply:write', 'publishing:pause'],
  analyst: [...READ_ALL, 'budget:read'],
  'ads-manager': [...READ_ALL, 'budget:read', 'ad-account:write'],
  designer: ['goal:read', 'campaign:read', 'comment:write', 'asset-request:write', 'media:write'],
  'client-approver': ['goal:read', 'kpi:read', 'campaign:read', 'post:approve'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role]?.includes(permission) ?? false);
}
