import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client contacts an admin keeps per workspace: the only addresses an approval link is mailed to, so a
 * writer never holds a link that decides a client's step (docs/adr/0022-approvals.md).
 */
export class CreateApprovalClientContactTable1767800000000 implements MigrationInterface {
  readonly name = 'CreateApprovalClientContactTable1767800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE content.approval_client_contact (
        workspace_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        contacts jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL
      )`,
    );
    for (const sql of tenantIsolationSql('content', 'approval_client_contact', 'content')) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE content.approval_client_contact`);
  }
}
