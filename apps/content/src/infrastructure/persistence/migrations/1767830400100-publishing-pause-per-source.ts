import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A workspace's publishing pause is one row per source (`person`, or `crisis:<id>`): publishing is paused while
 * any row stands, and a crisis's resolution removes only its own row. Resolved crises are remembered, so that a
 * CrisisDetected delivered after its CrisisResolved does not pause the workspace for good (docs/adr/0019).
 */
export class PublishingPausePerSource1767830400100 implements MigrationInterface {
  readonly name = 'PublishingPausePerSource1767830400100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE content.publishing_pause ADD COLUMN source text NOT NULL DEFAULT 'person'`,
      `UPDATE content.publishing_pause SET source = 'crisis:' || crisis_id WHERE crisis_id IS NOT NULL`,
      `ALTER TABLE content.publishing_pause ALTER COLUMN source DROP DEFAULT`,
      `ALTER TABLE content.publishing_pause DROP CONSTRAINT publishing_pause_pkey`,
      `ALTER TABLE content.publishing_pause ADD PRIMARY KEY (workspace_id, source)`,
      `CREATE TABLE content.resolved_crisis (
        workspace_id uuid NOT NULL,
        crisis_id uuid NOT NULL,
        tenant_id uuid NOT NULL,
        resolved_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, crisis_id)
      )`,
      ...tenantIsolationSql('content', 'resolved_crisis', 'content'),
    ];
    for (const sql of statements) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE content.resolved_crisis`);
    await queryRunner.query(`DELETE FROM content.publishing_pause WHERE source <> 'person'`);
    await queryRunner.query(`ALTER TABLE content.publishing_pause DROP CONSTRAINT publishing_pause_pkey`);
    await queryRunner.query(`ALTER TABLE content.publishing_pause DROP COLUMN source`);
    await queryRunner.query(`ALTER TABLE content.publishing_pause ADD PRIMARY KEY (workspace_id)`);
  }
}
