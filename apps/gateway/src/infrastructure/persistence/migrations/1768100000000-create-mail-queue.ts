import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ADR 0029. The background mail queue in PostgreSQL instead of memory: mail waiting for the SMTP server (or for
 * its next attempt) survives a restart, and any gateway instance sends it.
 */
export class CreateMailQueue1768100000000 implements MigrationInterface {
  readonly name = 'CreateMailQueue1768100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.mail_queue (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        claimed_by uuid,
        claimed_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX mail_queue_due ON gateway.mail_queue (next_attempt_at)`);
    for (const sql of tenantIsolationSql('gateway', 'mail_queue', 'gateway')) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.mail_queue`);
  }
}
