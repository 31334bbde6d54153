import { messagingMigrations } from '@chorus/messaging';
import { Database, type DatabaseConfig, type ServiceDatabase } from '@chorus/persistence';
import { TestEffects1767225600100 } from './test-migrations.js';

export interface TestDatabases {
  readonly database: Database;
  readonly producerDb: ServiceDatabase;
  readonly consumerDb: ServiceDatabase;
}

/** A producing service ('producer') and a consuming one ('consumer', with the effect table), migrated. */
export async function openTestDatabases(config: DatabaseConfig): Promise<TestDatabases> {
  const database = await Database.open(config);
  const producerDb = await database.forService({
    service: 'producer',
    entities: [],
    migrations: messagingMigrations('producer'),
  });
  const consumerDb = await database.forService({
    service: 'consumer',
    entities: [],
    migrations: [...messagingMigrations('consumer'), TestEffects1767225600100],
  });
  await producerDb.migrate();
  await consumerDb.migrate();
  return { database, producerDb, consumerDb };
}
