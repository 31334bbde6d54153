import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type ServiceDatabase } from '../src/index.js';
import { backends, TENANT_A, TENANT_B } from './fixtures/backends.js';
import { CreateNotes1700000000000 } from './fixtures/create-notes.migration.js';
import { NoteOrmEntity } from './fixtures/note.orm-entity.js';

describe.each(backends)('row-level tenant isolation on $name', (backend) => {
  let drop: () => Promise<void>;
  let database: Database;
  let notes: ServiceDatabase;
  let noteOfB: string;

  beforeAll(async () => {
    const created = await backend.create();
    drop = () => created.drop();
    database = await Database.open(created.config);
    notes = await database.forService({
      service: 'isolation',
      entities: [NoteOrmEntity],
      migrations: [CreateNotes1700000000000],
    });
    await notes.migrate();
    await notes.withTenant(TENANT_A, (tx) =>
      tx.query(`INSERT INTO isolation.note (tenant_id, body) VALUES ($1, 'a1'), ($1, 'a2')`, [TENANT_A]),
    );
    const [row] = await notes.withTenant(TENANT_B, (tx) =>
      tx.query<{ id: string }>(
        `INSERT INTO isolation.note (tenant_id, body) VALUES ($1, 'b1') RETURNING id`,
        [TENANT_B],
      ),
    );
    noteOfB = row!.id;
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('runs tenant transactions as the app role, which is no superuser, cannot bypass RLS and owns no table', async () => {
    const facts = await notes.withTenant(TENANT_A, async (tx) => {
      const [who] = await tx.query<{ role: string; tenant: string }>(
        `SELECT current_user AS role, current_setting('chorus.tenant_id') AS tenant`,
      );
      const [attributes] = await tx.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>(
        `SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = current_user`,
      );
      const [table] = await tx.query<{ owner: string; rls: boolean; forced: boolean }>(
        `SELECT pg_get_userbyid(c.relowner) AS owner, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'isolation' AND c.relname = 'note'`,
      );
      return { who, attributes, table };
    });
    expect(facts.who).toEqual({ role: 'chorus_isolation_app', tenant: TENANT_A });
    expect(facts.attributes).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    expect(facts.table!.owner).not.toBe('chorus_isolation_app');
    expect(facts.table).toMatchObject({ rls: true, forced: true });
  });

  it('shows no rows to the app role when no tenant is set', async () => {
    const rows = await notes.asSystem(async (tx) => {
      await tx.query(`SELECT set_config('role', 'chorus_isolation_app', true)`);
      return tx.query(`SELECT * FROM isolation.note`);
    });
    expect(rows).toEqual([]);
  });

  it("shows a tenant only its own rows, never another tenant's", async () => {
    const seen = await notes.withTenant(TENANT_A, async (tx) => ({
      all: await tx.query<{ body: string }>(`SELECT body FROM isolation.note ORDER BY body`),
      ofB: await tx.query(`SELECT * FROM isolation.note WHERE tenant_id = $1`, [TENANT_B]),
      viaOrm: await tx.manager.find(NoteOrmEntity, { order: { body: 'ASC' } }),
    }));
    expect(seen.all.map((row) => row.body)).toEqual(['a1', 'a2']);
    expect(seen.ofB).toEqual([]);
    expect(seen.viaOrm.map((note) => note.body)).toEqual(['a1', 'a2']);
  });

  it('refuses to insert a row for another tenant', async () => {
    await expect(
      notes.withTenant(TENANT_A, (tx) =>
        tx.query(`INSERT INTO isolation.note (tenant_id, body) VALUES ($1, 'x')`, [TENANT_B]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      notes.withTenant(TENANT_A, (tx) => tx.manager.save(NoteOrmEntity, { tenantId: TENANT_B, body: 'x' })),
    ).rejects.toThrow(/row-level security/);
  });

  it("refuses to move a row to another tenant, and cannot touch another tenant's rows", async () => {
    await expect(
      notes.withTenant(TENANT_A, (tx) =>
        tx.query(`UPDATE isolation.note SET tenant_id = $1 WHERE body = 'a1'`, [TENANT_B]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const touched = await notes.withTenant(TENANT_A, async (tx) => ({
      updated: await tx.query(`UPDATE isolation.note SET body = 'stolen' WHERE id = $1 RETURNING id`, [
        noteOfB,
      ]),
      deleted: await tx.query(`DELETE FROM isolation.note WHERE id = $1 RETURNING id`, [noteOfB]),
    }));
    expect(touched).toEqual({ updated: [], deleted: [] });
    const [row] = await notes.asSystem((tx) =>
      tx.query<{ body: string }>(`SELECT body FROM isolation.note WHERE id = $1`, [noteOfB]),
    );
    expect(row).toEqual({ body: 'b1' });
  });

  it('lets the system role see and write every tenant', async () => {
    const seen = await notes.asSystem(async (tx) => ({
      role: (await tx.query<{ role: string }>(`SELECT current_user AS role`))[0]!.role,
      tenants: await tx.query<{ tenant_id: string; count: number }>(
        `SELECT tenant_id, count(*)::int AS count FROM isolation.note GROUP BY tenant_id ORDER BY tenant_id`,
      ),
      tenantId: tx.tenantId,
    }));
    expect(seen).toEqual({
      role: 'chorus_isolation_system',
      tenants: [
        { tenant_id: TENANT_A, count: 2 },
        { tenant_id: TENANT_B, count: 1 },
      ],
      tenantId: null,
    });
  });

  it('switches tenant, and with it the tenant-scoped role, inside one transaction', async () => {
    const seen = await notes.asSystem(async (tx) => {
      await tx.setTenant(TENANT_B);
      const asB = await tx.query<{ body: string }>(`SELECT body FROM isolation.note`);
      await tx.setTenant(TENANT_A);
      const asA = await tx.query<{ body: string }>(`SELECT body FROM isolation.note ORDER BY body`);
      const [who] = await tx.query<{ role: string }>(`SELECT current_user AS role`);
      return { asB, asA, role: who!.role, tenantId: tx.tenantId };
    });
    expect(seen).toEqual({
      asB: [{ body: 'b1' }],
      asA: [{ body: 'a1' }, { body: 'a2' }],
      role: 'chorus_isolation_app',
      tenantId: TENANT_A,
    });
  });

  it('keeps the role and tenant local to the transaction', async () => {
    await notes.withTenant(TENANT_A, (tx) => tx.query('SELECT 1'));
    const [after] = await notes.asSystem((tx) =>
      tx.query<{ role: string; tenant: string }>(
        `SELECT current_user AS role, current_setting('chorus.tenant_id') AS tenant`,
      ),
    );
    expect(after).toEqual({ role: 'chorus_isolation_system', tenant: '' });
  });

  it('rejects a tenant id that is not a UUID before touching the database', async () => {
    await expect(notes.withTenant("x' OR true --", () => Promise.resolve(1))).rejects.toThrow(
      /tenant id is a UUID/,
    );
  });
});
