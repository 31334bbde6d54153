import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Database,
  NestedTransactionError,
  OutsideTransactionError,
  SecondConnectionError,
  TransactionAbortedError,
  TransactionClosedError,
  type ServiceDatabase,
  type Tx,
} from '../src/index.js';
import { backends, TENANT_A } from './fixtures/backends.js';
import { CreateNotes1700000000000 } from './fixtures/create-notes.migration.js';
import { NoteOrmEntity } from './fixtures/note.orm-entity.js';

describe.each(backends)('transactions on $name', (backend) => {
  let drop: () => Promise<void>;
  let database: Database;
  let notes: ServiceDatabase;
  const reported: Array<{ error: unknown; context: string }> = [];

  const insert = (tx: Tx, body: string) =>
    tx.query(`INSERT INTO txn.note (tenant_id, body) VALUES ($1, $2)`, [TENANT_A, body]);
  const bodies = async (): Promise<string[]> =>
    (await notes.asSystem((tx) => tx.query<{ body: string }>(`SELECT body FROM txn.note ORDER BY body`))).map(
      (row) => row.body,
    );

  beforeAll(async () => {
    const created = await backend.create();
    drop = () => created.drop();
    database = await Database.open(created.config, {
      onError: (error, context) => reported.push({ error, context }),
    });
    notes = await database.forService({
      service: 'txn',
      entities: [NoteOrmEntity],
      migrations: [CreateNotes1700000000000],
    });
    await notes.migrate();
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('runs afterCommit callbacks once the data is committed and visible to other transactions', async () => {
    const seenByCallback: string[][] = [];
    const callbackDone = new Promise<void>((resolve) => {
      void notes.withTenant(TENANT_A, async (tx) => {
        await insert(tx, 'committed');
        tx.afterCommit(() => {
          void bodies().then((found) => {
            seenByCallback.push(found);
            resolve();
          });
        });
      });
    });
    await callbackDone;
    expect(seenByCallback).toEqual([['committed']]);
  });

  it('rolls back everything and skips afterCommit callbacks when fn throws', async () => {
    let called = false;
    await expect(
      notes.withTenant(TENANT_A, async (tx) => {
        await insert(tx, 'half-1');
        await tx.manager.save(NoteOrmEntity, { tenantId: TENANT_A, body: 'half-2' });
        tx.afterCommit(() => (called = true));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(called).toBe(false);
    expect(await bodies()).not.toContain('half-1');
    expect(await bodies()).not.toContain('half-2');
  });

  it('refuses to commit a transaction whose failed statement was swallowed', async () => {
    let called = false;
    await expect(
      notes.withTenant(TENANT_A, async (tx) => {
        await insert(tx, 'before-swallowed-error');
        await tx.query('SELECT 1/0').catch(() => undefined);
        tx.afterCommit(() => (called = true));
      }),
    ).rejects.toBeInstanceOf(TransactionAbortedError);
    expect(called).toBe(false);
    expect(await bodies()).not.toContain('before-swallowed-error');
  });

  it('keeps the transaction usable after a savepoint rolled back', async () => {
    await notes.withTenant(TENANT_A, async (tx) => {
      await insert(tx, 'outer');
      await tx.manager
        .transaction(async (inner) => {
          await inner.query(`INSERT INTO txn.note (tenant_id, body) VALUES ($1, 'inner')`, [TENANT_A]);
          throw new Error('inner fails');
        })
        .catch(() => undefined);
    });
    const found = await bodies();
    expect(found).toContain('outer');
    expect(found).not.toContain('inner');
  });

  it('reports a failing afterCommit callback without failing the committed transaction', async () => {
    reported.length = 0;
    const result = await notes.withTenant(TENANT_A, (tx) => {
      tx.afterCommit(() => {
        throw new Error('callback broke');
      });
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- deliberately async: its rejection must be reported
      tx.afterCommit(() => Promise.reject(new Error('async callback broke')));
      return Promise.resolve('done');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(result).toBe('done');
    expect(reported.map((entry) => (entry.error as Error).message).sort()).toEqual([
      'async callback broke',
      'callback broke',
    ]);
  });

  it('lets an afterCommit callback start a transaction of its own', async () => {
    const inner = await new Promise<string[]>((resolve, reject) => {
      notes
        .withTenant(TENANT_A, async (tx) => {
          await insert(tx, 'from-outer');
          tx.afterCommit(
            () =>
              void notes
                .withTenant(TENANT_A, async (next) => insert(next, 'from-callback'))
                .then(() => bodies().then(resolve), reject),
          );
        })
        .catch(reject);
    });
    expect(inner).toEqual(expect.arrayContaining(['from-outer', 'from-callback']));
  });

  it('allows no access to the database outside withTenant/asSystem', async () => {
    await expect(notes.dataSource.query('SELECT 1')).rejects.toBeInstanceOf(OutsideTransactionError);
    await expect(notes.dataSource.manager.find(NoteOrmEntity)).rejects.toBeInstanceOf(
      OutsideTransactionError,
    );
  });

  it('refuses a second connection or a nested transaction inside a transaction', async () => {
    await notes.withTenant(TENANT_A, async () => {
      await expect(notes.dataSource.query('SELECT 1')).rejects.toBeInstanceOf(SecondConnectionError);
      await expect(notes.asSystem(() => Promise.resolve(1))).rejects.toBeInstanceOf(NestedTransactionError);
    });
  });

  it('refuses to use a transaction after it ended', async () => {
    const leaked = await notes.withTenant(TENANT_A, (tx) => Promise.resolve(tx));
    await expect(leaked.query('SELECT 1')).rejects.toBeInstanceOf(TransactionClosedError);
    expect(() => leaked.afterCommit(() => undefined)).toThrow(TransactionClosedError);
  });

  it('returns rows from tx.query for reads and for writes with RETURNING', async () => {
    const result = await notes.withTenant(TENANT_A, async (tx) => ({
      inserted: await tx.query<{ body: string }>(
        `INSERT INTO txn.note (tenant_id, body) VALUES ($1, 'r1'), ($1, 'r2') RETURNING body`,
        [TENANT_A],
      ),
      updated: await tx.query<{ body: string }>(
        `UPDATE txn.note SET body = body || '!' WHERE body = 'r1' RETURNING body`,
      ),
      plain: await tx.query(`UPDATE txn.note SET body = 'r2' WHERE body = 'r2'`),
    }));
    expect(result).toEqual({
      inserted: [{ body: 'r1' }, { body: 'r2' }],
      updated: [{ body: 'r1!' }],
      plain: [],
    });
  });
});
