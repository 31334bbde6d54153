import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['password_reset', 'mail_outbox'];

/**
 * Accounts, second slice (ADR 0012): two-factor secrets on the member, kinds, names and role scopes on tokens
 * (a browser session is a token of kind 'session'), password resets, the embedded mail outbox, and the
 * failed-attempt counters that throttle sign-in (no tenant: they are keyed by e-mail and address).
 */
export class AddCredentialsTables1767398400000 implements MigrationInterface {
  readonly name = 'AddCredentialsTables1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE gateway.member
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_pending_secret text,
        ADD COLUMN totp_last_step bigint`);
    await queryRunner.query(`
      ALTER TABLE gateway.api_token
        ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN kind text NOT NULL DEFAULT 'sign-in' CHECK (kind IN ('sign-in', 'session', 'named')),
        ADD COLUMN name text,
        ADD COLUMN scopes text[],
        ADD CONSTRAINT api_token_named_has_name CHECK ((kind = 'named') = (name IS NOT NULL))`);
    await queryRunner.query(`CREATE UNIQUE INDEX api_token_id ON gateway.api_token (id)`);
    await queryRunner.query(`CREATE INDEX api_token_member ON gateway.api_token (member_id)`);
    await queryRunner.query(`
      CREATE TABLE gateway.password_reset (
        token_hash text PRIMARY KEY,
        tenant_id uuid NOT NULL,
        member_id uuid NOT NULL REFERENCES gateway.member (id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway.mail_outbox (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX mail_outbox_created ON gateway.mail_outbox (tenant_id, created_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE gateway.auth_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    for (const table of TENANT_TABLES) {
      for (const sql of tenantIsolationSql('gateway', table, 'gateway')) {
        await queryRunner.query(sql);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.auth_throttle`);
    await queryRunner.query(`DROP TABLE gateway.mail_outbox`);
    await queryRunner.query(`DROP TABLE gateway.password_reset`);
    await queryRunner.query(`DELETE FROM gateway.api_token WHERE kind <> 'sign-in'`);
    await queryRunner.query(`
      ALTER TABLE gateway.api_token
        DROP CONSTRAINT api_token_named_has_name,
        DROP COLUMN scopes, DROP COLUMN name, DROP COLUMN kind, DROP COLUMN id`);
    await queryRunner.query(`
      ALTER TABLE gateway.member
        DROP COLUMN totp_last_step, DROP COLUMN totp_pending_secret, DROP COLUMN totp_secret`);
  }
}
