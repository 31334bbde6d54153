import { serviceRoles, tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing (docs/adr/0019): one publication row per target to send, the live publisher instances (their
 * heartbeats tell a crashed worker from a slow one), and the workspaces whose publishing is paused.
 */
export class CreatePublicationTables1767657600000 implements MigrationInterface {
  readonly name = 'CreatePublicationTables1767657600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE content.publication (
        target_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        post_id uuid NOT NULL,
        channel_id uuid NOT NULL,
        network text NOT NULL,
        revision integer NOT NULL,
        payload jsonb NOT NULL,
        due_at timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('scheduled', 'waiting', 'publishing', 'published', 'failed',
          'needs-review', 'cancelled')),
        waiting_reason text,
        reason_code text,
        reason_message text,
        reason_action text,
        idempotency_key text NOT NULL,
        fingerprint text NOT NULL,
        attempt_id uuid,
        attempts integer NOT NULL DEFAULT 0,
        failures integer NOT NULL DEFAULT 0,
        first_attempt_at timestamptz,
        attempt_started_at timestamptz,
        worker_id uuid,
        lease_until timestamptz,
        must_look boolean NOT NULL DEFAULT false,
        remote_id text,
        url text,
        published_at timestamptz,
        updated_at timestamptz NOT NULL,
        CHECK ((state = 'published') = (remote_id IS NOT NULL)),
        CHECK (state <> 'publishing' OR (attempt_id IS NOT NULL AND worker_id IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX publication_due ON content.publication (next_attempt_at) WHERE state IN ('scheduled', 'waiting')`,
    );
    await queryRunner.query(
      `CREATE INDEX publication_in_flight ON content.publication (worker_id) WHERE state = 'publishing'`,
    );
    await queryRunner.query(`CREATE INDEX publication_post ON content.publication (tenant_id, post_id)`);
    await queryRunner.query(`
      CREATE TABLE content.publishing_pause (
        workspace_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        reason text NOT NULL,
        crisis_id uuid,
        paused_at timestamptz NOT NULL,
        paused_by uuid,
        on_resume text NOT NULL CHECK (on_resume IN ('publish', 'reschedule'))
      )`);
    for (const table of ['publication', 'publishing_pause']) {
      for (const sql of tenantIsolationSql('content', table, 'content')) {
        await queryRunner.query(sql);
      }
    }
    // Not tenant data: which publisher processes are alive. Only the system role (the publisher) uses it.
    await queryRunner.query(`
      CREATE TABLE content.publisher_instance (
        instance_id uuid PRIMARY KEY,
        started_at timestamptz NOT NULL,
        heartbeat_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON content.publisher_instance TO ${serviceRoles('content').system}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE content.publisher_instance, content.publishing_pause, content.publication',
    );
  }
}
