import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { EventEnvelope } from '@chorus/contracts';
import { Outbox } from '@chorus/messaging';
import {
  createTestDatabase,
  readAllMessages,
  startKafkaBroker,
  type KafkaBrokerProcess,
  type TestDatabase,
} from '@chorus/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabases, type TestDatabases } from '../support/open-test-databases.js';
import { thingEvent, type ThingPayload } from '../support/test-events.js';
import { sleep, waitFor } from '../support/wait-for.js';
import { ChildProcessHandle } from './child-process-handle.js';
import { crashContract } from './crash-contract.mjs';
import { ensureBuilt } from './ensure-built.js';

const EVENTS = 12_000;
const EVENTS_PER_TX = 40;
const WRITE_SECONDS = 24;
const WORKSPACES = 20;
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const random = (min: number, max: number): number => min + Math.random() * (max - min);

/** `count` random instants in [fromMs, toMs], at least `gapMs` apart, ascending. */
function instants(count: number, fromMs: number, toMs: number, gapMs: number): number[] {
  for (;;) {
    const picked = Array.from({ length: count }, () => random(fromMs, toMs)).sort((a, b) => a - b);
    if (picked.every((t, i) => i === 0 || t - picked[i - 1]! >= gapMs)) {
      return picked;
    }
  }
}

async function atInstants(started: number, times: number[], action: () => Promise<void>): Promise<void> {
  for (const t of times) {
    await sleep(Math.max(0, started + t - Date.now()));
    await action();
  }
}

describe('kafka transport under crashes', () => {
  let broker: KafkaBrokerProcess | undefined;
  let testDb: TestDatabase | undefined;
  let dbs: TestDatabases | undefined;
  const children: ChildProcessHandle[] = [];

  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill9()));
    await dbs?.database.close();
    await testDb?.drop();
    await broker?.dispose();
  }, 120_000);

  it(
    'loses no event and applies none twice across kill -9 of the relay and the consumer and a broker crash',
    { timeout: 300_000 },
    async () => {
      ensureBuilt(here('../../../..'), ['contracts', 'persistence', 'messaging']);
      broker = await startKafkaBroker();
      testDb = await createTestDatabase();
      dbs = await openTestDatabases(testDb.config);
      const source = `crash${randomBytes(4).toString('hex')}`;
      const group = `crash.${randomBytes(4).toString('hex')}`;
      const contract = crashContract(source);
      const env = {
        ...process.env,
        DATABASE_URL: testDb.url,
        KAFKA_BROKERS: broker.bootstrap,
        CRASH_SOURCE: source,
        CRASH_GROUP: group,
      };
      const relay = new ChildProcessHandle('relay', here('./relay-process.mjs'), env);
      const consumer = new ChildProcessHandle('consumer', here('./consumer-process.mjs'), env);
      children.push(relay, consumer);
      await Promise.all([relay.start(), consumer.start()]);

      const outbox = new Outbox(dbs.producerDb);
      const tenantId = randomUUID();
      const workspaces = Array.from({ length: WORKSPACES }, () => randomUUID());
      const written: string[] = [];
      const started = Date.now();
      const writer = (async () => {
        const transactions = EVENTS / EVENTS_PER_TX;
        for (let i = 0; i < transactions; i++) {
          const workspaceId = workspaces[i % WORKSPACES]!;
          const events: EventEnvelope<ThingPayload>[] = Array.from({ length: EVENTS_PER_TX }, (_, j) =>
            thingEvent(contract, { tenantId, workspaceId }, { seq: i * EVENTS_PER_TX + j, label: 'crash' }),
          );
          await dbs.producerDb.withTenant(tenantId, (tx) => outbox.add(tx, events));
          written.push(...events.map((event) => event.eventId));
          await sleep(Math.max(0, started + ((i + 1) * WRITE_SECONDS * 1_000) / transactions - Date.now()));
        }
      })();
      const restart = (process: ChildProcessHandle) => async () => {
        await process.kill9();
        await sleep(random(100, 1_500));
        await process.start();
      };
      await Promise.all([
        writer,
        atInstants(started, instants(3, 2_000, WRITE_SECONDS * 1_000, 3_000), restart(relay)),
        atInstants(started, instants(3, 2_000, WRITE_SECONDS * 1_000, 3_000), restart(consumer)),
        atInstants(started, instants(1, 6_000, 16_000, 0), async () => {
          await broker!.kill9();
          await sleep(random(500, 2_000));
          await broker!.start();
        }),
      ]);
      expect(written).toHaveLength(EVENTS);

      const effects = () =>
        dbs!.consumerDb.asSystem((tx) =>
          tx.query<{ total: number; distinct: number }>(
            `SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct FROM consumer.effect
              WHERE consumer_group = $1`,
            [group],
          ),
        );
      await waitFor(effects, ([row]) => row!.distinct >= EVENTS, {
        timeoutMs: 120_000,
        intervalMs: 500,
        what: 'every effect',
      });
      // Anything still being redelivered lands now, so a duplicate would be counted below.
      await sleep(3_000);

      const [counts] = await effects();
      const [outboxLeft] = await dbs.producerDb.asSystem((tx) =>
        tx.query<{ unpublished: number }>('SELECT count(*)::int AS unpublished FROM producer.outbox'),
      );
      const onTopic = await readAllMessages(broker.brokers, contract.topic, { timeoutMs: 60_000 });
      const idsOnTopic = new Set(onTopic.map((message) => message.headers['chorus-event-id']?.toString()));
      const missingOnTopic = written.filter((id) => !idsOnTopic.has(id)).length;
      console.log(
        `crash test: ${EVENTS} events; relay killed ${relay.kills}x, consumer killed ${consumer.kills}x, broker crashed once; ` +
          `unexpected exits relay ${relay.unexpectedExits}, consumer ${consumer.unexpectedExits}; ` +
          `${onTopic.length} messages on the topic (${onTopic.length - idsOnTopic.size} duplicates on the wire); ` +
          `effects ${counts!.total} rows, ${counts!.distinct} distinct; recovered ${((Date.now() - started) / 1000).toFixed(1)} s after the first write`,
      );
      expect(relay.kills).toBeGreaterThanOrEqual(3);
      expect(consumer.kills).toBeGreaterThanOrEqual(3);
      expect(counts).toEqual({ total: EVENTS, distinct: EVENTS }); // 0 lost, 0 applied twice
      expect(outboxLeft).toEqual({ unpublished: 0 });
      expect(missingOnTopic).toBe(0);
    },
  );
});
