import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from './permissions.js';
import { ROLE_PERMISSIONS, hasPermission } from './role-permissions.js';
import { ROLES } from './roles.js';

describe('roles -> permissions matrix', () => {
  it('gives every role a row and only known permissions', () => {
    for (const role of ROLES) {
      for (const permission of ROLE_PERMISSIONS[role]) {
        expect(PERMISSIONS).toContain(permission);
      }
    }
  });

  it('lets a strategist set goals but not manage members', () => {
    expect(hasPermission(['strategist'], 'goal:write')).toBe(true);
    expect(hasPermission(['strategist'], 'member:manage')).toBe(false);
  });

  it('keeps the client approver read-only', () => {
    expect(ROLE_PERMISSIONS['client-approver'].every((p) => p.endsWith(':read'))).toBe(true);
  });

  it('shows the budget (team rates) only to those who plan or spend it', () => {
    const readers = ROLES.filter((role) => hasPermission([role], 'budget:read'));
    expect(readers.sort()).toEqual(['admin', 'ads-manager', 'analyst', 'strategist']);
    const writers = ROLES.filter((role) => hasPermission([role], 'budget:write'));
    expect(writers.sort()).toEqual(['admin', 'strategist']);
  });

  it('grants the admin everything', () => {
    for (const permission of PERMISSIONS) {
      expect(hasPermission(['admin'], permission)).toBe(true);
    }
  });

  it('lets every reader see channels but only admins connect or disconnect them', () => {
    expect(hasPermission(['community-manager'], 'channel:read')).toBe(true);
    expect(hasPermission(['client-approver'], 'channel:read')).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(hasPermission([role], 'channel:manage')).toBe(false);
    }
  });
});
