/** A role a member holds in a workspace (the gateway's `/api/me`). */
type Role =
  | 'admin'
  | 'strategist'
  | 'content-manager'
  | 'community-manager'
  | 'analyst'
  | 'ads-manager'
  | 'designer'
  | 'client-approver';

/**
 * Which roles hold the strategy permissions, mirrored from @chorus/access (role-permissions.ts) so that the
 * console hides what the API would refuse; strategy-roles.spec.ts fails when the two disagree. The API still
 * decides: a page that slips through shows the 403.
 */
export const STRATEGY_ROLES = {
  /** goal:write: identity, audiences, diagnosis evidence, goals, channel plan. */
  write: ['admin', 'strategist'],
  /** budget:read: the budget holds the team's hourly rates. */
  readBudget: ['admin', 'strategist', 'analyst', 'ads-manager'],
  /** budget:write. */
  writeBudget: ['admin', 'strategist'],
  /** workspace:manage: the agency's diagnosis playbook (thresholds, problem-to-goal mapping). */
  managePlaybook: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type StrategyAbility = keyof typeof STRATEGY_ROLES;

export function rolesAllow(roles: readonly string[], ability: StrategyAbility): boolean {
  return roles.some((role) => (STRATEGY_ROLES[ability] as readonly string[]).includes(role));
}
