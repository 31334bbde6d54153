import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each channel's queue slots (weekday + local time, in the zone the team plans that channel in). */
export class CreateQueueTable1767571200000 implements MigrationInterface {
  readonly name = 'CreateQueueTable1767571200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE content.queue (
        channel_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        time_zone text NOT NULL,
        slots jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX queue_workspace ON content.queue (tenant_id, workspace_id)`);
    for (const sql of tenantIsolationSql('content', 'queue', 'content')) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE content.queue');
  }
}
