import { serviceRoles, tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log: append-only for the service (no UPDATE or DELETE grant), searchable per agency. */
export class CreateAuditLog1767484800000 implements MigrationInterface {
  readonly name = 'CreateAuditLog1767484800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.audit_entry (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid,
        actor_id uuid,
        action text NOT NULL,
        object_type text NOT NULL,
        object_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        source text NOT NULL,
        event_id uuid UNIQUE,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_entry_search ON gateway.audit_entry (tenant_id, workspace_id, id DESC)`,
    );
    for (const sql of tenantIsolationSql('gateway', 'audit_entry', 'gateway')) {
      await queryRunner.query(sql);
    }
    const roles = serviceRoles('gateway');
    await queryRunner.query(
      `REVOKE UPDATE, DELETE ON gateway.audit_entry FROM ${roles.app}, ${roles.system}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.audit_entry`);
  }
}
