import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['notification', 'notification_preference', 'notification_webhook', 'notification_delivery'];

/** The notification centre (docs/adr/0015): in-app notifications, channel choices, webhooks, the delivery queue. */
export class CreateNotificationTables1767600000000 implements MigrationInterface {
  readonly name = 'CreateNotificationTables1767600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.notification (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        workspace_id uuid,
        recipient_id uuid NOT NULL REFERENCES gateway.member (id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        object jsonb,
        source text NOT NULL,
        event_id uuid,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        UNIQUE (event_id, recipient_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX notification_inbox ON gateway.notification (tenant_id, recipient_id, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_unread ON gateway.notification (recipient_id) WHERE read_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_recent ON gateway.notification (tenant_id, created_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE gateway.notification_preference (
        member_id uuid NOT NULL REFERENCES gateway.member (id),
        kind text NOT NULL,
        tenant_id uuid NOT NULL,
        in_app boolean NOT NULL,
        email boolean NOT NULL,
        PRIMARY KEY (member_id, kind)
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway.notification_webhook (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        url text NOT NULL,
        secret text NOT NULL,
        kinds text[] NOT NULL,
        description text,
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL,
        removed_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway.notification_delivery (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        kind text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        webhook_id uuid REFERENCES gateway.notification_webhook (id),
        message jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL,
        log jsonb NOT NULL DEFAULT '[]'
      )`);
    await queryRunner.query(
      `CREATE INDEX notification_delivery_due ON gateway.notification_delivery (next_attempt_at)
         WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_delivery_webhook ON gateway.notification_delivery (webhook_id, id DESC)`,
    );
    for (const table of TABLES) {
      for (const sql of tenantIsolationSql('gateway', table, 'gateway')) {
        await queryRunner.query(sql);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP TABLE gateway.${table}`);
    }
  }
}
