import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGoalTable1767312000000 implements MigrationInterface {
  readonly name = 'CreateGoalTable1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE strategy.goal (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        title text NOT NULL,
        metric text NOT NULL,
        baseline jsonb NOT NULL,
        target jsonb NOT NULL,
        starts_at timestamptz NOT NULL,
        deadline timestamptz NOT NULL,
        time_zone text NOT NULL,
        scope jsonb NOT NULL,
        owner_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'paused')),
        revision integer NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX goal_workspace ON strategy.goal (tenant_id, workspace_id, created_at)`,
    );
    for (const sql of tenantIsolationSql('strategy', 'goal', 'strategy')) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE strategy.goal');
  }
}
