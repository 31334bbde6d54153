import { quoteIdentifier } from '../tenancy/identifiers.js';
import { serviceRoles } from '../tenancy/service-roles.js';

/** Name of TypeORM's migrations table, kept inside the service's schema. */
export const MIGRATIONS_TABLE = 'migrations';

/**
 * Schema, roles and grants a service needs before its own migrations run. Roles are cluster-wide, so two
 * databases on one server may create them at the same moment: creation tolerates a concurrent twin.
 */
export function schemaBootstrapSql(service: string): string[] {
  const schema = quoteIdentifier(service);
  const roles = serviceRoles(service);
  const both = `${roles.app}, ${roles.system}`;
  return [
    `CREATE SCHEMA IF NOT EXISTS ${schema}`,
    ...[roles.app, roles.system].map(createRoleSql),
    ...[roles.app, roles.system].map(grantToCurrentUserSql),
    `GRANT USAGE ON SCHEMA ${schema} TO ${both}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${both}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${both}`,
  ];
}

/** The service roles must not touch TypeORM's bookkeeping, which default privileges would otherwise grant. */
export function revokeBookkeepingSql(service: string): string {
  const roles = serviceRoles(service);
  return `DO $$ DECLARE t text; BEGIN
  FOREACH t IN ARRAY ARRAY['${MIGRATIONS_TABLE}', 'typeorm_metadata'] LOOP
    IF to_regclass(format('%I.%I', '${service}', t)) IS NOT NULL THEN
      EXECUTE format('REVOKE ALL ON TABLE %I.%I FROM ${roles.app}, ${roles.system}', '${service}', t);
    END IF;
  END LOOP;
END $$`;
}

// A pre-existing role with LOGIN, SUPERUSER or BYPASSRLS would silently defeat row-level security: refuse it.
function createRoleSql(role: string): string {
  return `DO $$ BEGIN
  BEGIN
    CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}' AND (rolcanlogin OR rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'role ${role} can log in, is a superuser or bypasses row-level security'
      USING HINT = 'Run ALTER ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS as a superuser, then migrate again.';
  END IF;
END $$`;
}

// The connecting login switches into the roles per transaction, so it must be a member of both.
function grantToCurrentUserSql(role: string): string {
  return `DO $$ BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_auth_members m
    WHERE m.roleid = '${role}'::regrole AND m.member = (SELECT oid FROM pg_roles WHERE rolname = current_user)
  ) THEN
    GRANT ${role} TO CURRENT_USER;
  END IF;
EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
END $$`;
}
