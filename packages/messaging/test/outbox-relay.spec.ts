import { randomUUID } from 'node:crypto';
import { Outbox, OutboxRelay, type BusLogger } from '@chorus/messaging';
import type { OutboxRecord, OutboxSink } from '../src/relay/outbox-record.js';
import { soleLeadership } from '../src/relay/relay-leadership.js';
import { createTestDatabase, type TestDatabase } from '@chorus/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabases, type TestDatabases } from './support/open-test-databases.js';
import { thingEvent, uniqueThingContract } from './support/test-events.js';
import { waitFor } from './support/wait-for.js';

/** A remote-log sink that records what it was asked to send; each delivery completes when the test says so. */
class GatedSink implements OutboxSink {
  readonly pipelined = true;
  /** Message keys, in the order the relay handed them over. */
  readonly sent: string[] = [];
  private readonly gates: (() => void)[] = [];
  private open = false;

  deliver(records: readonly OutboxRecord[]): Promise<readonly string[]> {
    this.sent.push(...records.map((record) => record.key));
    const ids = records.map((record) => record.id);
    return this.open ? Promise.resolve(ids) : new Promise((resolve) => this.gates.push(() => resolve(ids)));
  }

  get waiting(): number {
    return this.gates.length;
  }

  releaseOne(): void {
    this.gates.shift()?.();
  }

  /** From now on every delivery completes at once. */
  openUp(): void {
    this.open = true;
    this.gates.splice(0).forEach((release) => release());
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const quietLogger: BusLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('OutboxRelay on PostgreSQL', { timeout: 30_000 }, () => {
  let testDb: TestDatabase;
  let dbs: TestDatabases;
  const contract = uniqueThingContract();

  beforeAll(async () => {
    testDb = await createTestDatabase();
    dbs = await openTestDatabases(testDb.config);
  }, 60_000);

  afterAll(async () => {
    await dbs?.database.close();
    await testDb?.drop();
  });

  it('sends a row that commits after higher ids went out, while traffic goes on, without waiting for the safety poll', async () => {
    const sink = new GatedSink();
    // One row per batch, and a safety poll far beyond the test's patience: only the relay's normal reads can
    // pick up the late row.
    const relay = new OutboxRelay(dbs.producerDb, sink, () => soleLeadership, quietLogger, {
      batchSize: 1,
      pollIntervalMs: 60_000,
      drainTimeoutMs: 5_000,
    });
    const outbox = new Outbox(dbs.producerDb);
    const tenantId = randomUUID();
    const eventFor = (workspaceId: string) =>
      thingEvent(contract, { tenantId, workspaceId }, { seq: 1, label: workspaceId });
    const commitOne = async (): Promise<void> => {
      await dbs.producerDb.withTenant(tenantId, (tx) => outbox.add(tx, [eventFor(randomUUID())]));
      relay.wake();
    };
    const relayIsSending = () =>
      waitFor(
        () => Promise.resolve(sink.waiting),
        (waiting) => waiting > 0,
        { timeoutMs: 5_000, what: 'a batch in flight' },
      );

    relay.start();
    try {
      // The slow writer takes the lowest id and keeps its transaction open while two later rows commit.
      const lateKey = randomUUID();
      let commitSlowWriter!: () => void;
      const slowWriterMayCommit = new Promise<void>((resolve) => (commitSlowWriter = resolve));
      let slowWriterInserted!: () => void;
      const slowWriterHasInserted = new Promise<void>((resolve) => (slowWriterInserted = resolve));
      const slowWriter = dbs.producerDb.withTenant(tenantId, async (tx) => {
        await outbox.add(tx, [eventFor(lateKey)]);
        slowWriterInserted();
        await slowWriterMayCommit;
      });
      await slowWriterHasInserted;
      await commitOne();
      await commitOne();
      await relayIsSending(); // the first later row is in flight, the second one already read
      commitSlowWriter();
      await slowWriter;
      // Traffic goes on: a new row before each acknowledgement, so the relay never finds the outbox empty.
      for (let step = 0; step < 5 && !sink.sent.includes(lateKey); step++) {
        await commitOne();
        sink.releaseOne();
        await relayIsSending();
      }
      expect(sink.sent.indexOf(lateKey)).toBeGreaterThan(0);
      expect(sink.sent.indexOf(lateKey)).toBeLessThanOrEqual(3);
    } finally {
      sink.openUp();
      await relay.stop();
    }
  });
});
