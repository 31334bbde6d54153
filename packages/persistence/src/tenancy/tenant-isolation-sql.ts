import { assertServiceName, quoteIdentifier } from './identifiers.js';
import { serviceRoles } from './service-roles.js';

/** The session setting that carries the transaction's tenant; empty or unset means "no tenant": no rows. */
export const TENANT_SETTING = 'chorus.tenant_id';

const CURRENT_TENANT = `NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid`;

/**
 * Statements that put a tenant table under row-level security, for a service's migration:
 * the app role sees and writes only rows of the transaction's tenant, the system role sees all.
 * FORCE makes the policies apply to the table owner too. Idempotent, so a migration can re-run it.
 */
export function tenantIsolationSql(schema: string, table: string, service: string): string[] {
  assertServiceName(service);
  const target = `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
  const roles = serviceRoles(service);
  return [
    `ALTER TABLE ${target} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${target} FORCE ROW LEVEL SECURITY`,
    `DROP POLICY IF EXISTS tenant_isolation ON ${target}`,
    `CREATE POLICY tenant_isolation ON ${target} FOR ALL TO ${roles.app} ` +
      `USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
    `DROP POLICY IF EXISTS system_access ON ${target}`,
    `CREATE POLICY system_access ON ${target} FOR ALL TO ${roles.system} USING (true) WITH CHECK (true)`,
    // Default privileges cover tables created by the migrating login; this covers any other owner.
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${target} TO ${roles.app}, ${roles.system}`,
  ];
}
