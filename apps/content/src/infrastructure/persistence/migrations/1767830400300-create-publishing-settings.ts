import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A workspace's publishing settings: what becomes of the posts held by a crisis's pause when the crisis ends
 * (CrisisResolved resumes it with nobody there to choose). No row: publish them (docs/publishing.md).
 */
export class CreatePublishingSettings1767830400300 implements MigrationInterface {
  readonly name = 'CreatePublishingSettings1767830400300';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE content.publishing_settings (
        workspace_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        crisis_on_resume text NOT NULL CHECK (crisis_on_resume IN ('publish', 'reschedule')),
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL
      )`,
      ...tenantIsolationSql('content', 'publishing_settings', 'content'),
    ];
    for (const sql of statements) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE content.publishing_settings`);
  }
}
