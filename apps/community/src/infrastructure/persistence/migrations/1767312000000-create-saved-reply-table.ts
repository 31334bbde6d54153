import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSavedReplyTable1767312000000 implements MigrationInterface {
  readonly name = 'CreateSavedReplyTable1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE community.saved_reply (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX saved_reply_unique ON community.saved_reply (tenant_id, workspace_id, title)`,
    );
    await queryRunner.query(
      `CREATE INDEX saved_reply_workspace ON community.saved_reply (tenant_id, workspace_id, created_at)`,
    );
    for (const sql of tenantIsolationSql('community', 'saved_reply', 'community')) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE community.saved_reply');
  }
}
