import { serviceRoles, tenantIsolationSql } from '@chorus/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTableNames, quoteIdent } from './table-names.js';

/** Fixed, so that the migration keeps its identity in every service's migrations table. */
export const MESSAGING_TABLES_TIMESTAMP = 1767225600000;

export type MigrationClass = new () => MigrationInterface;

export function messagingTablesSql(service: string): string[] {
  const schema = service;
  const t = messagingTableNames(schema);
  const s = quoteIdent(schema);
  const roles = serviceRoles(service);
  const app = quoteIdent(roles.app);
  const system = quoteIdent(roles.system);
  return [
    // Holds only unpublished events: the relay deletes a row once its event is delivered (cheaper than an
    // update, and the table stays small). Kafka, or the consumers' tables in-process, keep the history.
    `CREATE TABLE IF NOT EXISTS ${t.outbox} (
       id bigserial PRIMARY KEY,
       event_id uuid UNIQUE, -- NULL only for a raw row (bytes replayed as they were, e.g. from a dead letter)
       tenant_id uuid NOT NULL,
       topic text NOT NULL,
       message_key text NOT NULL,
       envelope jsonb,
       raw bytea,
       created_at timestamptz NOT NULL DEFAULT now(),
       CONSTRAINT outbox_one_value CHECK (num_nonnulls(envelope, raw) = 1),
       CONSTRAINT outbox_event_id CHECK (envelope IS NULL OR event_id IS NOT NULL)
     )`,
    `CREATE TABLE IF NOT EXISTS ${t.processedMessage} (
       consumer_group text NOT NULL,
       event_id uuid NOT NULL,
       tenant_id uuid NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer_group, event_id)
     )`,
    // A dead letter may be unreadable bytes with no tenant (NULL): only the system role sees those.
    `CREATE TABLE IF NOT EXISTS ${t.deadLetter} (
       id bigserial PRIMARY KEY,
       consumer_group text NOT NULL,
       topic text NOT NULL,
       source_partition integer NOT NULL,
       source_offset text NOT NULL,
       message_key text,
       event_id uuid,
       tenant_id uuid,
       value bytea,
       headers jsonb NOT NULL DEFAULT '{}'::jsonb,
       reason text NOT NULL,
       detail text NOT NULL,
       attempts integer NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    ...tenantIsolationSql(schema, 'outbox', service),
    ...tenantIsolationSql(schema, 'processed_message', service),
    ...tenantIsolationSql(schema, 'dead_letter', service),
    `GRANT USAGE ON SEQUENCE ${s}.outbox_id_seq, ${s}.dead_letter_id_seq TO ${app}, ${system}`,
  ];
}

/**
 * The messaging tables (outbox, processed_message, dead_letter) for one service, to list among that service's
 * migrations: `forService({ service: 'content', migrations: [...messagingMigrations('content'), ...] })`.
 * The schema and the role names both derive from the service name, so the class is made per service.
 */
export function messagingMigrations(service: string): MigrationClass[] {
  const name = `MessagingTables${MESSAGING_TABLES_TIMESTAMP}`;
  const tables = messagingTableNames(service);
  const migration = class implements MigrationInterface {
    readonly name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      for (const sql of messagingTablesSql(service)) {
        await queryRunner.query(sql);
      }
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      for (const table of [tables.deadLetter, tables.processedMessage, tables.outbox]) {
        await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
      }
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return [migration];
}
