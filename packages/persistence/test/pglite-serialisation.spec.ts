import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { openTestPglite } from '@chorus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type ServiceDatabase } from '../src/index.js';
import { sleep } from './fixtures/backends.js';
import { CreateNotes1700000000000 } from './fixtures/create-notes.migration.js';
import { NoteOrmEntity } from './fixtures/note.orm-entity.js';

// PGlite is one connection shared by every service: these tests prove transactions take turns on it.
describe('transactions on one PGlite instance', () => {
  let database: Database;
  let first: ServiceDatabase;
  let second: ServiceDatabase;

  beforeAll(async () => {
    database = await Database.open((await openTestPglite()).config);
    const open = (service: string) =>
      database.forService({ service, entities: [NoteOrmEntity], migrations: [CreateNotes1700000000000] });
    first = await open('first');
    second = await open('second');
    await Promise.all([first.migrate(), second.migrate()]);
  }, 60_000);

  afterAll(() => database?.close());

  it('never interleaves concurrent transactions of several services, nor leaks a tenant between them', async () => {
    const events: string[] = [];
    const runs = Array.from({ length: 24 }, (_, index) => ({
      index,
      tenant: randomUUID(),
      db: index % 2 ? first : second,
    }));
    const observed = await Promise.all(
      runs.map(({ index, tenant, db }) =>
        db.withTenant(tenant, async (tx) => {
          events.push(`start ${index}`);
          await tx.query(`INSERT INTO ${db.schema}.note (tenant_id, body) VALUES ($1, $2)`, [
            tenant,
            `marker ${index}`,
          ]);
          await sleep(Math.random() * 5);
          const [setting] = await tx.query<{ tenant: string; role: string }>(
            `SELECT current_setting('chorus.tenant_id') AS tenant, current_user AS role`,
          );
          await sleep(Math.random() * 5);
          const markers = await tx.query<{ body: string }>(`SELECT body FROM ${db.schema}.note`);
          events.push(`end ${index}`);
          return { setting, markers: markers.map((row) => row.body) };
        }),
      ),
    );
    for (const [index, run] of runs.entries()) {
      expect(observed[index]).toEqual({
        setting: { tenant: run.tenant, role: `chorus_${run.db.schema}_app` },
        markers: [`marker ${index}`],
      });
    }
    // Strict alternation start i / end i: no transaction began while another was running.
    for (let position = 0; position < events.length; position += 2) {
      const started = events[position]!.replace('start ', '');
      expect(events[position + 1]).toBe(`end ${started}`);
    }
  });

  it('serves waiting transactions in arrival order', async () => {
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 ? first : second).asSystem(async (tx) => {
          await sleep(Math.random() * 5);
          await tx.query('SELECT 1');
          order.push(index);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('holds the database only while a transaction runs, never across an await between transactions', async () => {
    const events: string[] = [];
    const slowCaller = (async () => {
      await first.asSystem((tx) => tx.query('SELECT 1'));
      events.push('slow caller awaits a network call');
      await sleep(1_000); // e.g. a call to a social network, outside any transaction
      events.push('slow caller resumes');
      await first.asSystem((tx) => tx.query('SELECT 1'));
    })();
    await sleep(50);
    for (let index = 0; index < 5; index += 1) {
      await second.withTenant(randomUUID(), (tx) => tx.query('SELECT 1'));
    }
    events.push('other transactions done');
    await slowCaller;
    expect(events).toEqual([
      'slow caller awaits a network call',
      'other transactions done',
      'slow caller resumes',
    ]);
  });

  it('keeps working after a transaction fails', async () => {
    await expect(first.asSystem((tx) => tx.query('SELECT * FROM missing_table'))).rejects.toThrow(
      /missing_table/,
    );
    const [row] = await second.asSystem((tx) => tx.query<{ ok: number }>('SELECT 1 AS ok'));
    expect(row).toEqual({ ok: 1 });
  });
});
