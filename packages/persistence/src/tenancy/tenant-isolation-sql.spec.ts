import { describe, expect, it } from 'vitest';
import { serviceRoles } from './service-roles.js';
import { tenantIsolationSql } from './tenant-isolation-sql.js';

describe('tenantIsolationSql', () => {
  it('forces row-level security with a tenant policy for the app role and an open one for the system role', () => {
    const sql = tenantIsolationSql('content', 'post', 'content');
    expect(sql).toContain('ALTER TABLE "content"."post" ENABLE ROW LEVEL SECURITY');
    expect(sql).toContain('ALTER TABLE "content"."post" FORCE ROW LEVEL SECURITY');
    const tenantPolicy = sql.find((statement) => statement.startsWith('CREATE POLICY tenant_isolation'));
    expect(tenantPolicy).toContain('TO chorus_content_app');
    expect(tenantPolicy).toContain(
      "USING (tenant_id = NULLIF(current_setting('chorus.tenant_id', true), '')::uuid) " +
        "WITH CHECK (tenant_id = NULLIF(current_setting('chorus.tenant_id', true), '')::uuid)",
    );
    expect(sql).toContain(
      'CREATE POLICY system_access ON "content"."post" FOR ALL TO chorus_content_system USING (true) WITH CHECK (true)',
    );
  });

  it.each([
    ['content"; DROP TABLE x; --', 'post', 'content'],
    ['content', 'Post', 'content'],
    ['content', 'post', 'Content'],
    ['content', 'post', 'x'],
    ['content', 'post', 'a'.repeat(32)],
  ])('refuses names that are not plain identifiers: %s.%s for %s', (schema, table, service) => {
    expect(() => tenantIsolationSql(schema, table, service)).toThrow(/Invalid/);
  });
});

describe('serviceRoles', () => {
  it('derives the two role names from the service name', () => {
    expect(serviceRoles('ads')).toEqual({ app: 'chorus_ads_app', system: 'chorus_ads_system' });
  });

  it('validates the service name before it reaches SQL', () => {
    expect(() => serviceRoles('ads; DROP ROLE postgres')).toThrow(/Invalid service name/);
    expect(() => serviceRoles('1ads')).toThrow(/Invalid service name/);
  });
});
