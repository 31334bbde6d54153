import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox: the channel directory (from the gateway's channel events), contacts, conversations and the
 * interactions themselves. Every table carries the tenant and row-level security, like the rest; the webhook
 * intake finds the channel as the system role, then writes as the channel's tenant (docs/adr/0008).
 */
export class CreateInboxTables1767398400000 implements MigrationInterface {
  readonly name = 'CreateInboxTables1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE community.inbox_channel (
        channel_id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        network text NOT NULL,
        account_remote_id text NOT NULL,
        account_handle text NOT NULL,
        connected boolean NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX inbox_channel_account ON community.inbox_channel (network, account_remote_id) WHERE connected`,
    );
    await queryRunner.query(`
      CREATE TABLE community.contact (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        network text NOT NULL,
        remote_id text NOT NULL,
        handle text NOT NULL,
        display_name text,
        url text,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX contact_remote ON community.contact (tenant_id, workspace_id, network, remote_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE community.conversation (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        channel_id uuid NOT NULL,
        remote_key text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX conversation_remote ON community.conversation (channel_id, remote_key)`,
    );
    await queryRunner.query(`
      CREATE TABLE community.interaction (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid NOT NULL,
        channel_id uuid NOT NULL,
        network text NOT NULL,
        remote_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('comment', 'mention', 'direct-message')),
        conversation_id uuid NOT NULL REFERENCES community.conversation (id),
        contact_id uuid NOT NULL REFERENCES community.contact (id),
        in_reply_to_remote_id text,
        text text NOT NULL,
        url text,
        written_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    // A redelivered webhook is not stored twice. Remote ids are unique per channel: Mastodon ids, for one,
    // are only unique on their own server.
    await queryRunner.query(
      `CREATE UNIQUE INDEX interaction_remote ON community.interaction (network, channel_id, remote_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX interaction_workspace ON community.interaction (tenant_id, workspace_id, id DESC)`,
    );
    for (const table of ['inbox_channel', 'contact', 'conversation', 'interaction']) {
      for (const sql of tenantIsolationSql('community', table, 'community')) {
        await queryRunner.query(sql);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE community.interaction');
    await queryRunner.query('DROP TABLE community.conversation');
    await queryRunner.query('DROP TABLE community.contact');
    await queryRunner.query('DROP TABLE community.inbox_channel');
  }
}
