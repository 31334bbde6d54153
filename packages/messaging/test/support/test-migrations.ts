import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The effect a test handler applies: one row per handler run that committed. No unique key on event_id on
 * purpose, so an effect applied twice shows up as two rows.
 */
export class TestEffects1767225600100 implements MigrationInterface {
  readonly name = 'TestEffects1767225600100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE consumer.effect (
      id bigserial PRIMARY KEY,
      tenant_id uuid NOT NULL,
      consumer_group text NOT NULL,
      event_id uuid NOT NULL,
      workspace_id uuid,
      seq integer NOT NULL,
      label text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    for (const sql of tenantIsolationSql('consumer', 'effect', 'consumer')) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE consumer.effect');
  }
}
