import { describe, expect, it } from 'vitest';
import { newSchemaName, schemasOf, staleSchemas } from './postgres-schemas.js';

describe('test network schemas', () => {
  it('names schemas with letters and underscores only, as the AppView requires', () => {
    const name = newSchemaName();
    expect(name).toMatch(/^[a-z_]+$/u);
    expect(schemasOf(name)).toEqual([`appview_${name}`, `ozone_${name}`]);
    expect(newSchemaName()).not.toBe(name);
  });

  it('sweeps only schemas of networks started more than six hours ago', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    const old = schemasOf(newSchemaName(now - 7 * 3600 * 1000));
    const recent = schemasOf(newSchemaName(now - 3600 * 1000));
    expect(staleSchemas([...old, ...recent, 'appview_someone_else', 'content'], now)).toEqual(old);
  });
});
