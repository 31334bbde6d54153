import { tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['agency', 'workspace', 'member', 'membership', 'api_token'];

export class CreateAccountTables1767312000000 implements MigrationInterface {
  readonly name = 'CreateAccountTables1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.agency (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL CHECK (tenant_id = id),
        name text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway.workspace (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES gateway.agency (id),
        name text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway.member (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES gateway.agency (id),
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    // One account per e-mail across agencies: sign-in finds the member by e-mail alone.
    await queryRunner.query(`CREATE UNIQUE INDEX member_email ON gateway.member (email)`);
    await queryRunner.query(`
      CREATE TABLE gateway.membership (
        member_id uuid NOT NULL REFERENCES gateway.member (id),
        workspace_id uuid NOT NULL REFERENCES gateway.workspace (id),
        tenant_id uuid NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        PRIMARY KEY (member_id, workspace_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway.api_token (
        token_hash text PRIMARY KEY,
        tenant_id uuid NOT NULL,
        member_id uuid NOT NULL REFERENCES gateway.member (id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
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
