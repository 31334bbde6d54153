import { createEventBus } from '@chorus/messaging';
import type { DatabaseConfig } from '@chorus/persistence';
import { createTestDatabase, openTestPglite } from '@chorus/testing';
import { runEventBusContract } from './contract/event-bus.contract.js';
import type { EventBusFixture } from './contract/event-bus-fixture.js';
import { openTestDatabases } from './support/open-test-databases.js';
import { readTableDeadLetters } from './support/table-dead-letters.js';

async function inProcessFixture(config: DatabaseConfig, drop: () => Promise<void>): Promise<EventBusFixture> {
  const { database, producerDb, consumerDb } = await openTestDatabases(config);
  return {
    producerDb,
    consumerDb,
    createBus: () => createEventBus({ transport: 'in-process' }, { database: config }),
    // Straight into the outbox as a raw row: no envelope validation, the bytes go out as they are.
    injectRaw: (topic, key, value) =>
      producerDb.asSystem(async (tx) => {
        await tx.query(
          `INSERT INTO producer.outbox (tenant_id, topic, message_key, raw)
           VALUES ('00000000-0000-0000-0000-000000000000', $1, $2, $3)`,
          [topic, key, value],
        );
      }),
    deadLetters: (group) => readTableDeadLetters(consumerDb, group),
    async dispose() {
      await database.close();
      await drop();
    },
  };
}

runEventBusContract('in-process on PGlite', async () => {
  const pglite = await openTestPglite();
  return inProcessFixture(pglite.config, () => pglite.drop());
});

runEventBusContract('in-process on PostgreSQL', async () => {
  const db = await createTestDatabase();
  return inProcessFixture(db.config, () => db.drop());
});
