import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Posts, and the local copies content keeps from other services' events: channels and the brand voice. */
export class CreatePostTables1767484800000 implements MigrationInterface {
  readonly name = 'CreatePostTables1767484800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE content.post (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'scheduled')),
        revision integer NOT NULL CHECK (revision > 0),
        content jsonb NOT NULL,
        campaign_id uuid,
        publish_at timestamptz,
        time_zone text,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL,
        CHECK ((status = 'scheduled') = (publish_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX post_calendar ON content.post (tenant_id, workspace_id, publish_at) WHERE publish_at IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX post_recent ON content.post (tenant_id, workspace_id, updated_at)`);
    await queryRunner.query(`
      CREATE TABLE content.channel (
        channel_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        network text NOT NULL,
        handle text NOT NULL,
        display_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('connected', 'disconnected', 'reauth-required')),
        must_reconnect_by timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX channel_workspace ON content.channel (tenant_id, workspace_id)`);
    await queryRunner.query(`
      CREATE TABLE content.brand_voice (
        workspace_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        identity_version integer NOT NULL,
        voice jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE content.utm_scheme (
        workspace_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        scheme jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid NOT NULL
      )`);
    for (const table of ['post', 'channel', 'brand_voice', 'utm_scheme']) {
      for (const sql of tenantIsolationSql('content', table, 'content')) {
        await queryRunner.query(sql);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE content.utm_scheme, content.brand_voice, content.channel, content.post',
    );
  }
}
