import 'reflect-metadata';
import { openTestPglite, type TestPglite } from '@chorus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/index.js';
import { TENANT_A } from './fixtures/backends.js';
import { CreateNotes1700000000000 } from './fixtures/create-notes.migration.js';
import { NoteOrmEntity } from './fixtures/note.orm-entity.js';

const notesService = { service: 'kept', entities: [NoteOrmEntity], migrations: [CreateNotes1700000000000] };

describe('PGlite persisted under a data directory', () => {
  let store: TestPglite;

  beforeAll(async () => {
    store = await openTestPglite({ persisted: true });
  });

  afterAll(() => store?.drop());

  it('keeps schema, migrations and rows across close and reopen', async () => {
    const first = await Database.open(store.config);
    try {
      const kept = await first.forService(notesService);
      expect(await kept.migrateAndList()).toEqual(['CreateNotes1700000000000']);
      await kept.withTenant(TENANT_A, (tx) =>
        tx.manager.save(NoteOrmEntity, { tenantId: TENANT_A, body: 'survives' }),
      );
    } finally {
      await first.close();
    }

    const reopened = await Database.open(store.config);
    try {
      const kept = await reopened.forService(notesService);
      expect(await kept.migrateAndList()).toEqual([]);
      const notes = await kept.withTenant(TENANT_A, (tx) => tx.manager.find(NoteOrmEntity));
      expect(notes.map((note) => note.body)).toEqual(['survives']);
    } finally {
      await reopened.close();
    }
  }, 60_000);

  it('refuses to open the same data directory twice in one process', async () => {
    const database = await Database.open(store.config);
    try {
      await expect(Database.open(store.config)).rejects.toThrow(/already open in this process/);
    } finally {
      await database.close();
    }
  }, 30_000);
});
