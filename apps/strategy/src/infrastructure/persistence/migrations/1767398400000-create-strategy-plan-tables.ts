import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = [
  'brand_identity_version',
  'audience',
  'diagnosis_evidence',
  'diagnosis_playbook_entry',
  'channel_plan',
  'budget_plan',
  'budget_actuals',
];

/** Brand identity, audiences, diagnosis, channel and budget plans; goals learn to be changed and retired. */
export class CreateStrategyPlanTables1767398400000 implements MigrationInterface {
  readonly name = 'CreateStrategyPlanTables1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE strategy.goal
        DROP CONSTRAINT goal_status_check,
        ADD CONSTRAINT goal_status_check CHECK (status IN ('active', 'paused', 'retired')),
        ADD COLUMN updated_at timestamptz,
        ADD COLUMN retirement jsonb`);
    await queryRunner.query('UPDATE strategy.goal SET updated_at = created_at');
    await queryRunner.query('ALTER TABLE strategy.goal ALTER COLUMN updated_at SET NOT NULL');

    // Each save is a new row: versions are immutable, the history is the table.
    await queryRunner.query(`
      CREATE TABLE strategy.brand_identity_version (
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL,
        PRIMARY KEY (tenant_id, workspace_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE strategy.audience (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('persona', 'segment')),
        name text NOT NULL,
        content jsonb NOT NULL,
        revision integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX audience_workspace ON strategy.audience (tenant_id, workspace_id, created_at)',
    );
    await queryRunner.query(`
      CREATE TABLE strategy.diagnosis_evidence (
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        problem text NOT NULL,
        evidence jsonb NOT NULL,
        notes text NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL,
        PRIMARY KEY (tenant_id, workspace_id, problem)
      )`);
    // Agency-wide: no workspace. A missing row means the seed applies.
    await queryRunner.query(`
      CREATE TABLE strategy.diagnosis_playbook_entry (
        tenant_id uuid NOT NULL,
        problem text NOT NULL,
        thresholds jsonb NOT NULL,
        recommendations jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL,
        PRIMARY KEY (tenant_id, problem)
      )`);
    for (const table of ['channel_plan', 'budget_plan']) {
      await queryRunner.query(`
        CREATE TABLE strategy.${table} (
          tenant_id uuid NOT NULL,
          workspace_id uuid NOT NULL,
          content jsonb NOT NULL,
          revision integer NOT NULL,
          updated_at timestamptz NOT NULL,
          updated_by uuid NOT NULL,
          PRIMARY KEY (tenant_id, workspace_id)
        )`);
    }
    await queryRunner.query(`
      CREATE TABLE strategy.budget_actuals (
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        month text NOT NULL,
        currency text NOT NULL,
        as_of timestamptz NOT NULL,
        lines jsonb NOT NULL,
        PRIMARY KEY (tenant_id, workspace_id, month)
      )`);
    for (const table of TENANT_TABLES) {
      for (const sql of tenantIsolationSql('strategy', table, 'strategy')) {
        await queryRunner.query(sql);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) {
      await queryRunner.query(`DROP TABLE strategy.${table}`);
    }
    await queryRunner.query(`
      ALTER TABLE strategy.goal
        DROP COLUMN retirement,
        DROP COLUMN updated_at,
        DROP CONSTRAINT goal_status_check,
        ADD CONSTRAINT goal_status_check CHECK (status IN ('active', 'paused'))`);
  }
}
