import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Channels with their sealed credentials, and OAuth authorizations waiting for their callback (ADR 0014). */
export class CreateChannels1767657600000 implements MigrationInterface {
  readonly name = 'CreateChannels1767657600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.channel (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL REFERENCES gateway.workspace (id) ON DELETE CASCADE,
        network text NOT NULL,
        remote_account_id text NOT NULL,
        handle text NOT NULL,
        display_name text NOT NULL,
        avatar_url text,
        state text NOT NULL CHECK (state IN ('connected', 'reauth-required', 'disconnected')),
        state_reason text,
        scopes text[] NOT NULL DEFAULT '{}',
        token_expires_at timestamptz,
        credentials jsonb,
        vault_key_id text,
        connected_by_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((state = 'disconnected') = (credentials IS NULL)),
        UNIQUE (workspace_id, network, remote_account_id)
      )`);
    await queryRunner.query(`CREATE INDEX channel_by_workspace ON gateway.channel (tenant_id, workspace_id)`);
    await queryRunner.query(
      `CREATE INDEX channel_refresh_due ON gateway.channel (token_expires_at) WHERE state = 'connected'`,
    );
    await queryRunner.query(`CREATE INDEX channel_vault_key ON gateway.channel (vault_key_id)`);
    await queryRunner.query(`
      CREATE TABLE gateway.oauth_authorization (
        state_hash text PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL REFERENCES gateway.workspace (id) ON DELETE CASCADE,
        member_id uuid NOT NULL,
        network text NOT NULL,
        redirect_uri text NOT NULL,
        sealed jsonb NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    for (const table of ['channel', 'oauth_authorization']) {
      for (const sql of tenantIsolationSql('gateway', table, 'gateway')) {
        await queryRunner.query(sql);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.oauth_authorization`);
    await queryRunner.query(`DROP TABLE gateway.channel`);
  }
}
