import { createTestDatabase, type TestDatabase } from '@chorus/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusLogger } from '../logger.js';
import { PostgresRelaySession } from './postgres-relay-session.js';

const quiet: BusLogger = { info: () => {}, warn: () => {}, error: () => {} };

describe('PostgresRelaySession on PostgreSQL', () => {
  let db: TestDatabase;
  let admin: pg.Client;
  const sessions: PostgresRelaySession[] = [];

  const session = (onNotify: () => void = () => {}): PostgresRelaySession => {
    const created = new PostgresRelaySession({
      url: db.url,
      schema: 'producer',
      channel: 'chorus_outbox_producer',
      onNotify,
      logger: quiet,
    });
    sessions.push(created);
    return created;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.release()));
    await admin?.end();
    await db?.drop();
  });

  it('lets one relay per schema be active, and hands over when its session dies (as on kill -9)', async () => {
    const first = session();
    const second = session();
    expect(await first.acquire()).toBe(true);
    expect(await second.acquire()).toBe(false);
    expect(await first.acquire()).toBe(true);

    const holders = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(holders.rows).toHaveLength(1);
    await admin.query('SELECT pg_terminate_backend($1)', [holders.rows[0]!.pid]);

    let acquired = false;
    for (let i = 0; i < 50 && !acquired; i++) {
      acquired = await second.acquire();
      if (!acquired) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(acquired).toBe(true);
    expect(await first.acquire()).toBe(false);
  });

  it('is woken by a NOTIFY committed in another session, and not by a rolled-back one', async () => {
    let notified = 0;
    const listener = session(() => notified++);
    await listener.acquire();
    await admin.query('BEGIN');
    await admin.query(`SELECT pg_notify('chorus_outbox_producer', '')`);
    await admin.query('ROLLBACK');
    await admin.query(`SELECT pg_notify('chorus_outbox_producer', '')`);
    const deadline = Date.now() + 5_000;
    while (notified === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(notified).toBe(1);
  });
});
