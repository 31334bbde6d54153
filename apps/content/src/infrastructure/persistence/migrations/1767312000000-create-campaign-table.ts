import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCampaignTable1767312000000 implements MigrationInterface {
  readonly name = 'CreateCampaignTable1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE content.campaign (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        name text NOT NULL,
        description text,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX campaign_unique ON content.campaign (tenant_id, workspace_id, name)`,
    );
    await queryRunner.query(
      `CREATE INDEX campaign_workspace ON content.campaign (tenant_id, workspace_id, created_at)`,
    );
    for (const sql of tenantIsolationSql('content', 'campaign', 'content')) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE content.campaign');
  }
}
