import 'reflect-metadata';
import { createTestDatabase, type TestDatabase } from '@chorus/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, runMigrationsCli } from '../src/index.js';
import { CreateNotes1700000000000 } from './fixtures/create-notes.migration.js';
import { Failing1700000000001 } from './fixtures/failing.migration.js';
import { NoteOrmEntity } from './fixtures/note.orm-entity.js';

const TENANT = '0190f000-0000-7000-8000-0000000000c1';
const OTHER_TENANT = '0190f000-0000-7000-8000-0000000000c2';

const notesService = (service: string) => ({
  service,
  entities: [NoteOrmEntity],
  migrations: [CreateNotes1700000000000],
});

describe('migrations on PostgreSQL', () => {
  let testDb: TestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    admin = new pg.Client({ connectionString: testDb.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await testDb?.drop();
  });

  it('lets several processes migrate the same schema at once; each migration runs once', async () => {
    const databases = await Promise.all([1, 2, 3].map(() => Database.open(testDb.config)));
    try {
      const services = await Promise.all(
        databases.map((database) => database.forService(notesService('racing'))),
      );
      await Promise.all(services.map((service) => service.migrate()));
      await services[0]!.migrate();
      const { rows } = await admin.query(`SELECT name FROM racing.migrations`);
      expect(rows).toEqual([{ name: 'CreateNotes1700000000000' }]);
    } finally {
      await Promise.all(databases.map((database) => database.close()));
    }
  });

  it('creates the cluster-wide roles safely when two databases migrate the same new service at once', async () => {
    const service = `race_${Math.random().toString(36).slice(2, 10)}`;
    const other = await createTestDatabase();
    const databases = await Promise.all([Database.open(testDb.config), Database.open(other.config)]);
    try {
      const services = await Promise.all(
        databases.map((database) => database.forService(notesService(service))),
      );
      await Promise.all(services.map((serviceDb) => serviceDb.migrate()));
      const { rows } = await admin.query(
        `SELECT count(*)::int AS roles FROM pg_roles WHERE rolname LIKE $1`,
        [`chorus_${service}_%`],
      );
      expect(rows).toEqual([{ roles: 2 }]);
    } finally {
      await Promise.all(databases.map((database) => database.close()));
      await other.drop();
      await admin.query(`DROP OWNED BY chorus_${service}_app, chorus_${service}_system`);
      await admin.query(`DROP ROLE chorus_${service}_app, chorus_${service}_system`);
    }
  });

  it('works for a dedicated non-superuser login that owns the tables, with isolation intact', async () => {
    const suffix = Math.random().toString(36).slice(2, 10);
    const login = `chorus_t_login_${suffix}`;
    const service = `owned_${suffix}`;
    await admin.query(`CREATE ROLE ${login} LOGIN NOSUPERUSER CREATEROLE`);
    const owned = await createTestDatabase();
    await admin.query(`ALTER DATABASE ${owned.name} OWNER TO ${login}`);
    const url = new URL(owned.url);
    url.username = login;
    const database = await Database.open({ kind: 'postgres', url: url.toString() });
    try {
      const notes = await database.forService(notesService(service));
      await notes.migrate();
      await notes.withTenant(TENANT, (tx) =>
        tx.query(`INSERT INTO ${service}.note (tenant_id, body) VALUES ($1, 'x')`, [TENANT]),
      );
      const read = (tenant: string) =>
        notes.withTenant(tenant, (tx) =>
          tx.query<{ body: string; owner: string }>(
            `SELECT body, (SELECT tableowner FROM pg_tables WHERE schemaname = $1 AND tablename = 'note') AS owner FROM ${service}.note`,
            [service],
          ),
        );
      expect(await read(TENANT)).toEqual([{ body: 'x', owner: login }]);
      expect(await read(OTHER_TENANT)).toEqual([]);
      await expect(
        notes.withTenant(OTHER_TENANT, (tx) =>
          tx.query(`INSERT INTO ${service}.note (tenant_id, body) VALUES ($1, 'y')`, [TENANT]),
        ),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      await database.close();
      await owned.drop();
      await admin.query(`DROP ROLE IF EXISTS ${login}, chorus_${service}_app, chorus_${service}_system`);
    }
  });

  it('creates NOLOGIN, NOSUPERUSER, NOBYPASSRLS roles that the connecting login is a member of', async () => {
    const database = await Database.open(testDb.config);
    try {
      await (await database.forService(notesService('roles'))).migrate();
    } finally {
      await database.close();
    }
    const { rows } = await admin.query(
      `SELECT r.rolname, r.rolcanlogin, r.rolsuper, r.rolbypassrls,
              EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = r.oid AND m.member = 'postgres'::regrole) AS granted
         FROM pg_roles r WHERE r.rolname IN ('chorus_roles_app', 'chorus_roles_system') ORDER BY r.rolname`,
    );
    expect(rows).toEqual(
      ['chorus_roles_app', 'chorus_roles_system'].map((rolname) => ({
        rolname,
        rolcanlogin: false,
        rolsuper: false,
        rolbypassrls: false,
        granted: true,
      })),
    );
    const { rows: privileges } = await admin.query(
      `SELECT has_table_privilege('chorus_roles_app', 'roles.note', 'SELECT') AS note,
              has_table_privilege('chorus_roles_app', 'roles.migrations', 'SELECT') AS migrations,
              has_table_privilege('chorus_roles_system', 'roles.migrations', 'DELETE') AS system_migrations`,
    );
    expect(privileges).toEqual([{ note: true, migrations: false, system_migrations: false }]);
  });

  it('grants new tables of the schema to both roles by default', async () => {
    const database = await Database.open(testDb.config);
    try {
      await (await database.forService(notesService('grants'))).migrate();
    } finally {
      await database.close();
    }
    await admin.query(`CREATE TABLE grants.later (id int)`);
    const { rows } = await admin.query(
      `SELECT has_table_privilege('chorus_grants_app', 'grants.later', 'INSERT') AS app,
              has_table_privilege('chorus_grants_system', 'grants.later', 'DELETE') AS system`,
    );
    expect(rows).toEqual([{ app: true, system: true }]);
  });

  it('leaves nothing behind when a migration fails, and says which schema failed', async () => {
    const database = await Database.open(testDb.config);
    try {
      const broken = await database.forService({
        service: 'broken',
        entities: [],
        migrations: [CreateNotes1700000000000, Failing1700000000001],
      });
      await expect(broken.migrate()).rejects.toThrow(
        /Migrating schema "broken" failed: this migration is broken/,
      );
    } finally {
      await database.close();
    }
    const { rows } = await admin.query(`SELECT nspname FROM pg_namespace WHERE nspname = 'broken'`);
    expect(rows).toEqual([]);
  });

  it('migrates from the command line entry, reporting what it applied', async () => {
    const lines: string[] = [];
    const io = {
      env: { DATABASE_URL: testDb.url },
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(line),
    };
    const services = [notesService('cli_one'), notesService('cli_two')];
    expect(await runMigrationsCli(['cli_one'], services, io)).toBe(0);
    expect(await runMigrationsCli([], services, io)).toBe(0);
    expect(lines).toEqual([
      'cli_one: applied CreateNotes1700000000000',
      'cli_one: up to date',
      'cli_two: applied CreateNotes1700000000000',
    ]);
  });

  it('exits non-zero with a message naming the problem on bad input', async () => {
    const lines: string[] = [];
    const io = {
      env: { DATABASE_URL: 'mysql://localhost/x' },
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(line),
    };
    expect(await runMigrationsCli(['nope'], [notesService('cli_one')], io)).toBe(2);
    expect(await runMigrationsCli([], [notesService('cli_one')], io)).toBe(2);
    expect(lines[0]).toMatch(/Unknown service\(s\): nope/);
    expect(lines[1]).toMatch(/^DATABASE_URL must start with postgres:\/\//);
  });
});
