// Child process of the crash test: one consumer of the consuming service. Its effect is a row in
// consumer.effect, which has no unique key, so an effect applied twice would show as two rows.
import { createEventBus, eventBusConfigFromEnv, messagingMigrations } from '@chorus/messaging';
import { Database, databaseConfigFromEnv } from '@chorus/persistence';
import { crashContract } from './crash-contract.mjs';
import { crashKafkaTuning } from './crash-settings.mjs';

const group = process.env.CRASH_GROUP;
const contract = crashContract(process.env.CRASH_SOURCE);
const database = await Database.open(databaseConfigFromEnv());
const db = await database.forService({
  service: 'consumer',
  entities: [],
  migrations: messagingMigrations('consumer'),
});
const bus = createEventBus(eventBusConfigFromEnv(), {
  database: databaseConfigFromEnv(),
  kafka: crashKafkaTuning,
});
bus.registerConsumer({
  group,
  db,
  handlers: [
    {
      contract,
      async handle(event, tx) {
        await tx.query(
          `INSERT INTO consumer.effect (tenant_id, consumer_group, event_id, workspace_id, seq, label)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [event.tenantId, group, event.eventId, event.workspaceId, event.payload.seq, event.payload.label],
        );
      },
    },
  ],
});
await bus.start();
process.stdout.write('ready\n');
