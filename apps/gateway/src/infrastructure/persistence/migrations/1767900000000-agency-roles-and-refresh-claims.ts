import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ADR 0018. Agency-level roles (owner, admin) apart from workspace roles; webhooks scoped to a workspace or
 * agency-wide; channel refresh claims (claimed in one short transaction, written back under a fence) and the
 * time of the last attempt, which orders the sweep so that failing rows go to the back.
 */
export class AgencyRolesAndRefreshClaims1767900000000 implements MigrationInterface {
  readonly name = 'AgencyRolesAndRefreshClaims1767900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.agency_role (
        member_id uuid PRIMARY KEY REFERENCES gateway.member (id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'admin')),
        granted_at timestamptz NOT NULL
      )`);
    for (const sql of tenantIsolationSql('gateway', 'agency_role', 'gateway')) {
      await queryRunner.query(sql);
    }
    // The founder of each existing agency (its first member) owns it.
    await queryRunner.query(`
      INSERT INTO gateway.agency_role (member_id, tenant_id, role, granted_at)
      SELECT DISTINCT ON (tenant_id) id, tenant_id, 'owner', now()
        FROM gateway.member ORDER BY tenant_id, created_at, id`);
    // Null: agency-wide (existing webhooks were all agency-wide).
    await queryRunner.query(`ALTER TABLE gateway.notification_webhook ADD COLUMN workspace_id uuid`);
    await queryRunner.query(`ALTER TABLE gateway.channel ADD COLUMN refresh_claim_id uuid`);
    await queryRunner.query(`ALTER TABLE gateway.channel ADD COLUMN refresh_claimed_at timestamptz`);
    await queryRunner.query(`ALTER TABLE gateway.channel ADD COLUMN refresh_attempted_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE gateway.channel DROP COLUMN refresh_attempted_at`);
    await queryRunner.query(`ALTER TABLE gateway.channel DROP COLUMN refresh_claimed_at`);
    await queryRunner.query(`ALTER TABLE gateway.channel DROP COLUMN refresh_claim_id`);
    await queryRunner.query(`ALTER TABLE gateway.notification_webhook DROP COLUMN workspace_id`);
    await queryRunner.query(`DROP TABLE gateway.agency_role`);
  }
}
