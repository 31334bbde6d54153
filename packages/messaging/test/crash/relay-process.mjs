// Child process of the crash test: the producing service's outbox relay, alone, as in distributed mode.
// Runs the built package (dist): child processes do not get vitest's TypeScript transform.
import { createEventBus, eventBusConfigFromEnv, messagingMigrations } from '@chorus/messaging';
import { Database, databaseConfigFromEnv } from '@chorus/persistence';
import { crashKafkaTuning } from './crash-settings.mjs';

const database = await Database.open(databaseConfigFromEnv());
const db = await database.forService({
  service: 'producer',
  entities: [],
  migrations: messagingMigrations('producer'),
});
const bus = createEventBus(eventBusConfigFromEnv(), {
  database: databaseConfigFromEnv(),
  kafka: crashKafkaTuning,
});
bus.registerProducer(db);
await bus.start();
process.stdout.write('ready\n');
