import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring posts and evergreen re-queueing (docs/adr/0028): a series (an RRULE, a local time in a zone, the
 * post to repeat), the posts Chorus makes from it or from an evergreen post (unique per series and occurrence
 * time, and per source post and re-queue number, so no rerun and no second instance makes one twice), each
 * post's evergreen setting, and the generation of each workspace's calendar feed link (bumped to revoke it).
 */
export class CreateSeriesAndEvergreenTables1767916800000 implements MigrationInterface {
  readonly name = 'CreateSeriesAndEvergreenTables1767916800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE content.post_series (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'ended')),
        revision integer NOT NULL CHECK (revision > 0),
        rule text NOT NULL,
        starts_on text NOT NULL,
        local_time text NOT NULL,
        time_zone text NOT NULL,
        template jsonb NOT NULL,
        last_problems jsonb NOT NULL DEFAULT '[]',
        materialised_at timestamptz,
        ended_at timestamptz,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL
      )`,
      `CREATE INDEX post_series_workspace ON content.post_series (tenant_id, workspace_id, created_at)`,
      `CREATE INDEX post_series_active ON content.post_series (materialised_at) WHERE status = 'active'`,
      `ALTER TABLE content.post
         ADD COLUMN series_id uuid,
         ADD COLUMN occurrence_at timestamptz,
         ADD COLUMN requeue_of uuid,
         ADD COLUMN requeue_number integer,
         ADD CONSTRAINT post_series_origin CHECK ((series_id IS NULL) = (occurrence_at IS NULL)),
         ADD CONSTRAINT post_requeue_origin CHECK ((requeue_of IS NULL) = (requeue_number IS NULL))`,
      `CREATE UNIQUE INDEX post_series_occurrence ON content.post (series_id, occurrence_at)
         WHERE series_id IS NOT NULL`,
      `CREATE UNIQUE INDEX post_requeue ON content.post (requeue_of, requeue_number) WHERE requeue_of IS NOT NULL`,
      `CREATE TABLE content.evergreen (
        post_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        active boolean NOT NULL,
        min_gap_days integer NOT NULL CHECK (min_gap_days > 0),
        max_times integer NOT NULL CHECK (max_times > 0),
        ends_at timestamptz,
        requeued integer NOT NULL DEFAULT 0,
        stopped_reason text,
        last_problems jsonb NOT NULL DEFAULT '[]',
        revision integer NOT NULL CHECK (revision > 0),
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL
      )`,
      `CREATE INDEX evergreen_active ON content.evergreen (post_id) WHERE active`,
      `CREATE TABLE content.calendar_feed (
        workspace_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        generation integer NOT NULL CHECK (generation > 0),
        rotated_at timestamptz NOT NULL,
        rotated_by uuid NOT NULL
      )`,
      ...tenantIsolationSql('content', 'post_series', 'content'),
      ...tenantIsolationSql('content', 'evergreen', 'content'),
      ...tenantIsolationSql('content', 'calendar_feed', 'content'),
    ];
    for (const sql of statements) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE content.calendar_feed, content.evergreen, content.post_series`);
    await queryRunner.query(`DROP INDEX content.post_requeue`);
    await queryRunner.query(`DROP INDEX content.post_series_occurrence`);
    await queryRunner.query(
      `ALTER TABLE content.post DROP CONSTRAINT post_requeue_origin, DROP CONSTRAINT post_series_origin,
         DROP COLUMN requeue_number, DROP COLUMN requeue_of, DROP COLUMN occurrence_at, DROP COLUMN series_id`,
    );
  }
}
