import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAdAccountTable1767312000000 implements MigrationInterface {
  readonly name = 'CreateAdAccountTable1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ads.ad_account (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        network text NOT NULL,
        external_id text NOT NULL,
        name text NOT NULL,
        currency text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX ad_account_unique ON ads.ad_account (tenant_id, workspace_id, network, external_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX ad_account_workspace ON ads.ad_account (tenant_id, workspace_id, created_at)`,
    );
    for (const sql of tenantIsolationSql('ads', 'ad_account', 'ads')) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ads.ad_account');
  }
}
