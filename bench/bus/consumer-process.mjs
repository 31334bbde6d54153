// The bench's consuming service, as its own process (distributed mode): applies each event in the consumer
// pipeline's batch transaction (one multi-row insert per run, or one insert per event with
// BENCH_PER_EVENT=1) and reports (event id, commit time) to the parent over IPC.
/* global setInterval, clearInterval */
import { createEventBus, messagingMigrations } from '@chorus/messaging';
import { Database } from '@chorus/persistence';
import { BenchEffects1767225600200, benchContract, benchKafkaTuning } from './bench-setup.mjs';

const { DATABASE_URL, KAFKA_BROKERS, BENCH_SOURCE, BENCH_GROUP, BENCH_PER_EVENT } = process.env;
const config = { kind: 'postgres', url: DATABASE_URL };
const database = await Database.open(config);
const db = await database.forService({
  service: 'consumer',
  entities: [],
  migrations: [...messagingMigrations('consumer'), BenchEffects1767225600200],
});
let applied = [];
const bus = createEventBus(
  { transport: 'kafka', brokers: KAFKA_BROKERS.split(','), clientId: 'bench-consumer' },
  { database: config, kafka: benchKafkaTuning },
);
const insert = (tx, events) =>
  tx.query(
    `INSERT INTO consumer.bench_effect (tenant_id, event_id, seq)
     SELECT e.tenant, e.id, e.seq FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS e(tenant, id, seq)`,
    [events.map((e) => e.tenantId), events.map((e) => e.eventId), events.map((e) => e.payload.seq)],
  );
const report = (tx, events) =>
  tx.afterCommit(() => applied.push(...events.flatMap((e) => [e.eventId, Date.now()])));
bus.registerConsumer({
  group: BENCH_GROUP,
  db,
  handlers: [
    {
      contract: benchContract(BENCH_SOURCE),
      async handle(event, tx) {
        await insert(tx, [event]);
        report(tx, [event]);
      },
      // One multi-row insert per run of events; --per-event-handler measures the handle() path instead.
      ...(BENCH_PER_EVENT === '1'
        ? {}
        : {
            async handleBatch(events, tx) {
              await insert(tx, events);
              report(tx, events);
            },
          }),
    },
  ],
});
await bus.start();
const flush = setInterval(() => {
  if (applied.length === 0) {
    return;
  }
  process.send({ applied });
  applied = [];
}, 20);
process.send({ ready: true });
process.on('message', async (message) => {
  if (message !== 'stop') {
    return;
  }
  await bus.stop();
  clearInterval(flush);
  if (applied.length > 0) {
    process.send({ applied });
  }
  await database.close();
  process.disconnect();
});
