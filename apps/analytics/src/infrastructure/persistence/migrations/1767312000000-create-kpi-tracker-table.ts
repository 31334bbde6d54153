import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateKpiTrackerTable1767312000000 implements MigrationInterface {
  readonly name = 'CreateKpiTrackerTable1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE analytics.kpi_tracker (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        goal_id uuid NOT NULL,
        goal_revision integer NOT NULL,
        title text NOT NULL,
        metric text NOT NULL,
        baseline jsonb NOT NULL,
        target jsonb NOT NULL,
        current jsonb,
        starts_at timestamptz NOT NULL,
        deadline timestamptz NOT NULL,
        time_zone text NOT NULL,
        status text NOT NULL CHECK (status IN ('tracking')),
        created_at timestamptz NOT NULL
      )`);
    // One tracker per goal: a redelivered GoalSet cannot create a second one.
    await queryRunner.query(
      `CREATE UNIQUE INDEX kpi_tracker_goal ON analytics.kpi_tracker (tenant_id, goal_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX kpi_tracker_workspace ON analytics.kpi_tracker (tenant_id, workspace_id, created_at)`,
    );
    for (const sql of tenantIsolationSql('analytics', 'kpi_tracker', 'analytics')) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE analytics.kpi_tracker');
  }
}
