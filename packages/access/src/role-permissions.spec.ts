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

  it('lets the client approver read and approve posts, and write nothing else', () => {
    expect(ROLE_PERMISSIONS['client-approver'].filter((p) => !p.endsWith(':read'))).toEqual(['post:approve']);
  });

  it('gives designers comments and asset requests, but not post writing', () => {
    expect(hasPermission(['designer'], 'asset-request:write')).toBe(true);
    expect(hasPermission(['designer'], 'comment:write')).toBe(true);
    expect(hasPermission(['designer'], 'campaign:write')).toBe(false);
    expect(hasPermission(['designer'], 'media:write')).toBe(true);
    expect(hasPermission(['content-manager'], 'media:write')).toBe(true);
    expect(hasPermission(['admin'], 'media:write')).toBe(true);
    expect(hasPermission(['strategist'], 'media:write')).toBe(false);
    expect(hasPermission(['client-approver'], 'media:write')).toBe(false);
    expect(hasPermission(['designer'], 'post:approve')).toBe(false);
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
