#!/usr/bin/env node
// Event bus benchmark (docs/adr/0004): outbox -> relay -> Kafka -> consumer effect, on real PostgreSQL and a
// real Kafka broker, at an offered load for a measured window after a warm-up.
//
//   npm run bench:bus -- [--rate 5000] [--seconds 60] [--warmup 10] [--per-event-handler]
//
// This process is the producing service (writer + outbox relay, as in one service process); the consuming
// service is a child process; its handler writes one effect row per event, with one multi-row insert per
// batch (handleBatch), or one insert per event with --per-event-handler. Latency is commit (writer) -> commit of the effect (consumer), both on this
// machine's clock. Then the same messages go through plain kafkajs for the raw ceiling. Prints the figures
// and writes bench/results/bus.json. Not a test: nothing here fails on a slow figure.
/* global setInterval, clearInterval */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startKafka } from '../../test/infra/kafka.mjs';
import { ensurePostgres } from '../../test/infra/postgres.mjs';
import { parseArgs } from '../../test/infra/lib.mjs';
import { ensureBuilt } from './ensure-built.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const { flags } = parseArgs(process.argv.slice(2), ['per-event-handler']);
const rate = Number(flags.rate ?? 5000);
const seconds = Number(flags.seconds ?? 60);
const warmup = Number(flags.warmup ?? 10);
const perEventHandler = flags['per-event-handler'] === true;
const WRITERS = 2;
const MAX_EVENTS_PER_TX = 250;
const WORKSPACES = 200;
const RAW_MESSAGES_MAX = 150_000;
const log = (line) => process.stderr.write(`[bench:bus] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

ensureBuilt(root, ['contracts', 'persistence', 'messaging']);
const { createEnvelope, uuidv7 } = await import('@chorus/contracts');
const { Database } = await import('@chorus/persistence');
const { Outbox, createEventBus, messagingMigrations } = await import('@chorus/messaging');
const { BenchEffects1767225600200, benchContract, benchKafkaTuning } = await import('./bench-setup.mjs');
const { rawKafkaThroughput } = await import('./raw-kafka.mjs');
const pg = (await import('pg')).default;

// --- infrastructure: the machine's PostgreSQL (or a throwaway one), a broker of the bench's own ----------
const postgres = await ensurePostgres({ owner: 'cli' });
const dbName = `chorus_bench_${randomBytes(4).toString('hex')}`;
await adminQuery(postgres.url, `CREATE DATABASE "${dbName}"`);
const dbUrl = Object.assign(new URL(postgres.url), { pathname: `/${dbName}` }).toString();
log(`PostgreSQL: ${postgres.source}, database ${dbName}`);
const broker = await startKafka({ port: 0, fresh: true, owner: 'test' });
log(`Kafka ${broker.version} on ${broker.bootstrap} (own broker, started in ${broker.seconds.toFixed(1)} s)`);

const config = { kind: 'postgres', url: dbUrl, poolSize: 10 };
const database = await Database.open(config);
const producerDb = await database.forService({
  service: 'producer',
  entities: [],
  migrations: messagingMigrations('producer'),
});
const consumerDb = await database.forService({
  service: 'consumer',
  entities: [],
  migrations: [...messagingMigrations('consumer'), BenchEffects1767225600200],
});
await producerDb.migrate();
await consumerDb.migrate();

const source = `bench${randomBytes(4).toString('hex')}`;
const group = `bench.${randomBytes(4).toString('hex')}`;
const contract = benchContract(source);
const bus = createEventBus(
  { transport: 'kafka', brokers: broker.brokers, clientId: 'bench-producer' },
  { database: config, kafka: benchKafkaTuning },
);
bus.registerProducer(producerDb);
await bus.start();

// --- the consuming service ------------------------------------------------------------------------------
const committedAt = new Map(); // eventId -> writer commit time (ms)
const appliedAt = new Map(); // eventId -> first effect commit time (ms)
let appliedReports = 0;
const consumer = fork(path.join(here, 'consumer-process.mjs'), [], {
  env: {
    ...process.env,
    DATABASE_URL: dbUrl,
    KAFKA_BROKERS: broker.bootstrap,
    BENCH_SOURCE: source,
    BENCH_PER_EVENT: perEventHandler ? '1' : '0',
    BENCH_GROUP: group,
  },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
await new Promise((resolve, reject) => {
  consumer.on('message', (message) => {
    if (message.ready) {
      resolve();
    }
    const list = message.applied;
    if (!list) {
      return;
    }
    for (let i = 0; i < list.length; i += 2) {
      appliedReports++;
      if (!appliedAt.has(list[i])) {
        appliedAt.set(list[i], list[i + 1]);
      }
    }
  });
  consumer.once('exit', (code) => reject(new Error(`consumer exited early (${code})`)));
});
log('consumer ready');

// --- the writer: offered load in multi-row outbox inserts ----------------------------------------------
const outbox = new Outbox(producerDb);
const tenantId = randomUUID();
const workspaces = Array.from({ length: WORKSPACES }, () => randomUUID());
const correlationId = uuidv7();
const windowMessages = [];
let scheduled = 0;
let writing = true;
const started = Date.now();
const windowStart = started + warmup * 1000;
const windowEnd = windowStart + seconds * 1000;

async function writerLoop() {
  while (writing) {
    const due = Math.floor((rate * (Date.now() - started)) / 1000) - scheduled;
    if (due <= 0) {
      await sleep(2);
      continue;
    }
    const count = Math.min(due, MAX_EVENTS_PER_TX);
    const firstSeq = scheduled;
    scheduled += count;
    const events = [];
    for (let i = 0; i < count; i++) {
      const workspaceId = workspaces[(firstSeq + i) % WORKSPACES];
      events.push(
        createEnvelope(
          contract,
          { tenantId, workspaceId, correlationId },
          { seq: firstSeq + i, note: 'bench' },
        ),
      );
    }
    let commitTime = 0;
    await producerDb.withTenant(tenantId, async (tx) => {
      await outbox.add(tx, events);
      tx.afterCommit(() => (commitTime = Date.now()));
    });
    for (const event of events) {
      committedAt.set(event.eventId, commitTime);
    }
    if (commitTime >= windowStart && commitTime < windowEnd && windowMessages.length < RAW_MESSAGES_MAX) {
      for (const event of events) {
        windowMessages.push({ key: event.workspaceId, value: JSON.stringify(event) });
      }
    }
  }
}

log(`offering ${rate} events/s: ${warmup} s warm-up, then ${seconds} s measured`);
const writers = Array.from({ length: WRITERS }, () => writerLoop());
const progress = setInterval(() => {
  void producerDb
    .asSystem((tx) => tx.query('SELECT count(*)::int AS n FROM producer.outbox'))
    .then(([row]) => {
      const t = ((Date.now() - started) / 1000).toFixed(0);
      const load = os.loadavg()[0].toFixed(1);
      log(
        `t=${t}s written ${committedAt.size} unpublished ${row.n} applied ${appliedAt.size} (load ${load})`,
      );
    });
}, 5_000);
await sleep(windowEnd - Date.now());
writing = false;
await Promise.all(writers);
const written = committedAt.size;
log(`writing stopped at ${written} events; draining`);
const drainDeadline = Date.now() + 120_000;
while (appliedAt.size < written && Date.now() < drainDeadline) {
  await sleep(100);
}
clearInterval(progress);
await sleep(2_000); // late duplicates, if any, reach the table

// --- figures ----------------------------------------------------------------------------------------------
const latencies = [];
let committedInWindow = 0;
let appliedInWindow = 0;
for (const [eventId, commit] of committedAt) {
  const applied = appliedAt.get(eventId);
  if (applied !== undefined && applied >= windowStart && applied < windowEnd) {
    appliedInWindow++;
  }
  if (commit < windowStart || commit >= windowEnd) {
    continue;
  }
  committedInWindow++;
  if (applied !== undefined) {
    latencies.push(applied - commit);
  }
}
latencies.sort((a, b) => a - b);
const percentile = (p) =>
  latencies.length === 0
    ? null
    : latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
const [counts] = await consumerDb.asSystem((tx) =>
  tx.query(
    'SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct FROM consumer.bench_effect',
  ),
);

consumer.send('stop');
await new Promise((resolve) => consumer.once('exit', resolve));
await bus.stop();

log(`raw kafkajs run over ${windowMessages.length} of the same messages`);
const raw = await rawKafkaThroughput({
  brokers: broker.brokers,
  topic: `bench.raw.${randomBytes(4).toString('hex')}`,
  partitions: benchKafkaTuning.topicPartitions,
  messages: windowMessages,
});

const result = {
  name: 'bus',
  date: new Date().toISOString(),
  config: {
    rate,
    seconds,
    warmup,
    writers: WRITERS,
    maxEventsPerTx: MAX_EVENTS_PER_TX,
    workspaces: WORKSPACES,
    handler: perEventHandler ? 'per-event' : 'batch',
    ...benchKafkaTuning,
  },
  environment: {
    node: process.version,
    cpus: os.cpus().length,
    loadAverageAtEnd: Number(os.loadavg()[0].toFixed(1)),
    kafka: broker.version,
    postgres: postgres.source,
  },
  metrics: {
    offeredEventsPerSecond: Math.round(committedInWindow / seconds),
    eventsPerSecond: Math.round(appliedInWindow / seconds),
    p50LatencyMs: percentile(50),
    p99LatencyMs: percentile(99),
    maxLatencyMs: latencies.at(-1) ?? null,
    written,
    lost: written - counts.distinct,
    duplicates: counts.total - counts.distinct,
    rawKafkaEventsPerSecond: raw.eventsPerSecond,
    rawKafkaProduceEventsPerSecond: raw.produceEventsPerSecond,
  },
};
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results', 'bus.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result.metrics, null, 2));
log(`reports from the consumer: ${appliedReports} (${appliedReports - appliedAt.size} repeated)`);

await database.close();
await broker.dispose();
await adminQuery(postgres.url, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);

async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
