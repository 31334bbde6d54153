import { describe, expect, it } from 'vitest';
import { ROLES, hasPermission, type Permission } from '@chorus/access';
import { STRATEGY_ROLES, rolesAllow, type StrategyAbility } from './strategy-roles.js';

const PERMISSION_OF: Record<StrategyAbility, Permission> = {
  write: 'goal:write',
  readBudget: 'budget:read',
  writeBudget: 'budget:write',
  managePlaybook: 'workspace:manage',
};

describe("the console's copy of the strategy permissions", () => {
  it.each(Object.entries(PERMISSION_OF))('%s names exactly the roles holding %s', (ability, permission) => {
    const holders = ROLES.filter((role) => hasPermission([role], permission));
    expect([...STRATEGY_ROLES[ability as StrategyAbility]].sort()).toEqual([...holders].sort());
  });

  it('allows when any of the roles allows', () => {
    expect(rolesAllow(['designer', 'analyst'], 'readBudget')).toBe(true);
    expect(rolesAllow(['designer', 'client-approver'], 'readBudget')).toBe(false);
    expect(rolesAllow([], 'write')).toBe(false);
  });
});
