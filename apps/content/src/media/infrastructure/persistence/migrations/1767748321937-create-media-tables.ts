import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The workspace media library: each asset's probed facts, and its per-network derivatives. */
export class CreateMediaTables1767748321937 implements MigrationInterface {
  readonly name = 'CreateMediaTables1767748321937';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE content.media_asset (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('image', 'video', 'gif')),
        mime_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        width integer,
        height integer,
        duration_seconds double precision,
        alt_text text,
        file_name text,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX media_asset_library ON content.media_asset (tenant_id, workspace_id, created_at DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE content.media_derivative (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        media_id uuid NOT NULL REFERENCES content.media_asset (id) ON DELETE CASCADE,
        network text NOT NULL,
        mime_type text NOT NULL,
        size_bytes bigint NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        description text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (media_id, network)
      )`);
    for (const table of ['media_asset', 'media_derivative']) {
      for (const sql of tenantIsolationSql('content', table, 'content')) {
        await queryRunner.query(sql);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE content.media_derivative, content.media_asset');
  }
}
