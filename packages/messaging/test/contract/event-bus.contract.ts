import { randomBytes, randomUUID } from 'node:crypto';
import type { EventContract, EventEnvelope } from '@chorus/contracts';
import {
  NonRetriableError,
  Outbox,
  RetriableError,
  type EventBus,
  type MessageHandler,
  type RetryPolicy,
} from '@chorus/messaging';
import type { Tx } from '@chorus/persistence';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { thingEvent, uniqueThingContract, type ThingPayload } from '../support/test-events.js';
import { sleep, waitFor } from '../support/wait-for.js';
import type { EventBusFixture } from './event-bus-fixture.js';

interface EffectRow {
  event_id: string;
  workspace_id: string | null;
  seq: number;
  label: string;
}

/** Runs before the handler writes its effect; throwing fails the attempt. */
type Behaviour = (event: EventEnvelope<ThingPayload>, attempt: number) => Promise<void> | void;

const fastRetry: Partial<RetryPolicy> = {
  maxAttempts: 3,
  initialDelayMs: 20,
  maxDelayMs: 100,
  multiplier: 2,
};

/**
 * The behaviour every event bus transport must show, run against each one (docs/adr/0004). Each case uses a
 * contract (so topics) and a consumer group of its own, on databases shared by the suite.
 */
export function runEventBusContract(name: string, makeFixture: () => Promise<EventBusFixture>): void {
  describe(`event bus contract: ${name}`, { timeout: 60_000 }, () => {
    let fixture: EventBusFixture;
    const running: EventBus[] = [];

    beforeAll(async () => {
      fixture = await makeFixture();
    }, 120_000);

    afterEach(async () => {
      await Promise.all(running.splice(0).map((bus) => bus.stop()));
    });

    afterAll(async () => {
      await fixture?.dispose();
    });

    /** One test's world: its contract, group, tenant and handler, on a started bus. */
    function scenario(options: { behaviour?: Behaviour; retry?: Partial<RetryPolicy> } = {}) {
      const contract = uniqueThingContract();
      const group = `contract.${randomBytes(4).toString('hex')}`;
      const tenantId = randomUUID();
      const workspaceId = randomUUID();
      const attempts = new Map<string, number>();
      const outbox = new Outbox(fixture.producerDb);

      const start = async (behaviour: Behaviour | undefined = options.behaviour): Promise<EventBus> => {
        const bus = fixture.createBus();
        bus.registerProducer(fixture.producerDb);
        bus.registerConsumer({
          group,
          db: fixture.consumerDb,
          handlers: [effectHandler(contract, group, attempts, behaviour)],
          ...(options.retry ? { retry: options.retry } : {}),
        });
        running.push(bus);
        await bus.start();
        return bus;
      };

      const write = async (
        payloads: ThingPayload[],
        meta: { workspaceId?: string | null } = {},
      ): Promise<EventEnvelope<ThingPayload>[]> => {
        const events = payloads.map((payload) =>
          thingEvent(
            contract,
            { tenantId, workspaceId: meta.workspaceId === undefined ? workspaceId : meta.workspaceId },
            payload,
          ),
        );
        await fixture.producerDb.withTenant(tenantId, (tx) => outbox.add(tx, events));
        return events;
      };

      const effects = (): Promise<EffectRow[]> =>
        fixture.consumerDb.asSystem((tx) =>
          tx.query<EffectRow>(
            `SELECT event_id::text AS event_id, workspace_id::text AS workspace_id, seq, label
               FROM consumer.effect WHERE consumer_group = $1 ORDER BY id`,
            [group],
          ),
        );

      const effectsOf = async (eventId: string): Promise<number> =>
        (await effects()).filter((effect) => effect.event_id === eventId).length;

      const waitForEffect = (eventId: string, what = `effect of ${eventId}`) =>
        waitFor(
          () => effectsOf(eventId),
          (count) => count >= 1,
          { what },
        );

      const deadLetters = () => fixture.deadLetters(group);

      return {
        contract,
        group,
        tenantId,
        workspaceId,
        attempts,
        start,
        write,
        effects,
        effectsOf,
        waitForEffect,
        deadLetters,
      };
    }

    it('delivers an event written in a committed transaction, once', async () => {
      const s = scenario();
      await s.start();
      const [event] = await s.write([{ seq: 1, label: 'committed' }]);
      await s.waitForEffect(event!.eventId);
      await sleep(300);
      expect(await s.effectsOf(event!.eventId)).toBe(1);
      expect(s.attempts.get(event!.eventId)).toBe(1);
      // Published, so gone from the outbox: a restarted relay will not send it again.
      const outboxRows = await fixture.producerDb.asSystem((tx) =>
        tx.query('SELECT 1 FROM producer.outbox WHERE event_id = $1', [event!.eventId]),
      );
      expect(outboxRows).toEqual([]);
    });

    it('delivers nothing from a rolled-back transaction', async () => {
      const s = scenario();
      await s.start();
      const outbox = new Outbox(fixture.producerDb);
      const doomed = thingEvent(
        s.contract,
        { tenantId: s.tenantId, workspaceId: s.workspaceId },
        { seq: 1, label: 'doomed' },
      );
      await expect(
        fixture.producerDb.withTenant(s.tenantId, async (tx) => {
          await outbox.add(tx, [doomed]);
          throw new Error('state change refused');
        }),
      ).rejects.toThrow('state change refused');
      // Same key, written after: once it is applied, the doomed event would have been too.
      const [marker] = await s.write([{ seq: 2, label: 'marker' }]);
      await s.waitForEffect(marker!.eventId);
      expect((await s.effects()).map((effect) => effect.label)).toEqual(['marker']);
      expect(s.attempts.has(doomed.eventId)).toBe(false);
    });

    it('applies a redelivered event id once', async () => {
      const s = scenario();
      await s.start();
      const [event] = await s.write([{ seq: 1, label: 'original' }]);
      await s.waitForEffect(event!.eventId);
      // The same envelope again, as a relay that crashed before marking its batch would send it.
      await fixture.injectRaw(s.contract.topic, s.workspaceId, Buffer.from(JSON.stringify(event)));
      const [marker] = await s.write([{ seq: 2, label: 'marker' }]);
      await s.waitForEffect(marker!.eventId);
      expect(await s.effectsOf(event!.eventId)).toBe(1);
      expect(await s.deadLetters()).toEqual([]);
    });

    it('keeps the order of each workspace', async () => {
      const s = scenario();
      await s.start();
      const workspaces = [randomUUID(), randomUUID(), randomUUID()];
      let seq = 0;
      const written: EventEnvelope<ThingPayload>[] = [];
      for (let tx = 0; tx < 10; tx++) {
        for (const workspaceId of workspaces) {
          written.push(
            ...(await s.write(
              Array.from({ length: 5 }, () => ({ seq: seq++, label: 'ordered' })),
              { workspaceId },
            )),
          );
        }
      }
      const effects = await waitFor(s.effects, (rows) => rows.length >= written.length, {
        what: 'all effects',
      });
      expect(effects).toHaveLength(written.length);
      for (const workspaceId of workspaces) {
        const seqs = effects
          .filter((effect) => effect.workspace_id === workspaceId)
          .map((effect) => effect.seq);
        expect(seqs).toHaveLength(50);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      }
    });

    it('retries a retriable failure with backoff, then applies it', async () => {
      const failures = 2;
      const times: number[] = [];
      const s = scenario({
        retry: { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 2_000, multiplier: 2 },
        behaviour: (_event, attempt) => {
          times.push(Date.now());
          if (attempt <= failures) {
            throw new RetriableError(`transient failure ${attempt}`);
          }
        },
      });
      await s.start();
      const [event] = await s.write([{ seq: 1, label: 'flaky' }]);
      await s.waitForEffect(event!.eventId);
      expect(s.attempts.get(event!.eventId)).toBe(failures + 1);
      expect(await s.effectsOf(event!.eventId)).toBe(1);
      // Equal jitter: each wait is between half and all of its exponential step (200 ms, then 400 ms).
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(100);
      expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(200);
      expect(await s.deadLetters()).toEqual([]);
    });

    it('dead-letters an event whose retries are exhausted, with the reason, and goes on', async () => {
      const s = scenario({
        retry: fastRetry,
        behaviour: (event) => {
          if (event.payload.label === 'always-failing') {
            throw new Error('downstream keeps failing');
          }
        },
      });
      await s.start();
      const [failing] = await s.write([{ seq: 1, label: 'always-failing' }]);
      const [after] = await s.write([{ seq: 2, label: 'after' }]);
      await s.waitForEffect(after!.eventId);
      const letters = await waitFor(s.deadLetters, (rows) => rows.length >= 1, { what: 'dead letter' });
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({
        reason: 'retries-exhausted',
        attempts: 3,
        sourceTopic: s.contract.topic,
      });
      expect(letters[0]!.detail).toContain('downstream keeps failing');
      expect(JSON.parse(letters[0]!.value!)).toMatchObject({ eventId: failing!.eventId });
      expect(s.attempts.get(failing!.eventId)).toBe(3);
      expect(await s.effectsOf(failing!.eventId)).toBe(0);
    });

    it('dead-letters a NonRetriableError at once', async () => {
      const s = scenario({
        retry: { ...fastRetry, maxAttempts: 5 },
        behaviour: (event) => {
          if (event.payload.label === 'impossible') {
            throw new NonRetriableError('goal was retired');
          }
        },
      });
      await s.start();
      const [impossible] = await s.write([{ seq: 1, label: 'impossible' }]);
      const [after] = await s.write([{ seq: 2, label: 'after' }]);
      await s.waitForEffect(after!.eventId);
      const letters = await waitFor(s.deadLetters, (rows) => rows.length >= 1, { what: 'dead letter' });
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ reason: 'non-retriable-error', attempts: 1 });
      expect(letters[0]!.detail).toContain('goal was retired');
      expect(s.attempts.get(impossible!.eventId)).toBe(1);
      expect(await s.effectsOf(impossible!.eventId)).toBe(0);
    });

    it('isolates a failing event inside a batch: the others are applied once, in order', async () => {
      const s = scenario({
        retry: fastRetry,
        behaviour: (event) => {
          if (event.payload.label === 'poison') {
            throw new NonRetriableError('cannot apply');
          }
        },
      });
      await s.start();
      // One transaction, one key: the relay reads them together and the consumer gets them in one batch.
      const events = await s.write([
        { seq: 1, label: 'before' },
        { seq: 2, label: 'poison' },
        { seq: 3, label: 'after' },
      ]);
      await s.waitForEffect(events[2]!.eventId);
      expect((await s.effects()).map((effect) => effect.label)).toEqual(['before', 'after']);
      expect(s.attempts.get(events[1]!.eventId)).toBe(1);
      const letters = await waitFor(s.deadLetters, (rows) => rows.length >= 1, { what: 'dead letter' });
      expect(letters.map((letter) => letter.reason)).toEqual(['non-retriable-error']);
    });

    it('gives a batch handler consecutive new events in order, and applies each once', async () => {
      const contract = uniqueThingContract();
      const group = `contract.${randomBytes(4).toString('hex')}`;
      const tenantId = randomUUID();
      const batchSizes: number[] = [];
      const insert = (tx: Tx, events: readonly EventEnvelope<ThingPayload>[]) =>
        tx.query(
          `INSERT INTO consumer.effect (tenant_id, consumer_group, event_id, workspace_id, seq, label)
           SELECT $1, $2, e.id, e.ws, e.seq, 'batched'
             FROM unnest($3::uuid[], $4::uuid[], $5::int[]) WITH ORDINALITY AS e(id, ws, seq, n) ORDER BY e.n`,
          [
            tenantId,
            group,
            events.map((e) => e.eventId),
            events.map((e) => e.workspaceId),
            events.map((e) => e.payload.seq),
          ],
        );
      const batchHandler: MessageHandler<ThingPayload> = {
        contract,
        handle: (event, tx) => insert(tx, [event]).then(() => undefined),
        handleBatch: async (events, tx) => {
          batchSizes.push(events.length);
          await insert(tx, events);
        },
      };
      const bus = fixture.createBus();
      bus.registerProducer(fixture.producerDb);
      bus.registerConsumer({ group, db: fixture.consumerDb, handlers: [batchHandler] });
      running.push(bus);
      await bus.start();
      const workspaceId = randomUUID();
      const events = Array.from({ length: 60 }, (_, seq) =>
        thingEvent(contract, { tenantId, workspaceId }, { seq, label: 'x' }),
      );
      await fixture.producerDb.withTenant(tenantId, (tx) => new Outbox(fixture.producerDb).add(tx, events));
      // The same events again: the processed marks keep them from being applied twice.
      await fixture.injectRaw(contract.topic, workspaceId, Buffer.from(JSON.stringify(events[0])));
      const rows = () =>
        fixture.consumerDb.asSystem((tx) =>
          tx.query<{ seq: number }>('SELECT seq FROM consumer.effect WHERE consumer_group = $1 ORDER BY id', [
            group,
          ]),
        );
      await waitFor(rows, (r) => r.length >= 60, { what: 'sixty effects' });
      await sleep(300);
      expect((await rows()).map((r) => r.seq)).toEqual(events.map((e) => e.payload.seq));
      expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    });

    it('dead-letters malformed JSON, an unknown version and a schema violation, and processes what follows', async () => {
      const s = scenario();
      await s.start();
      const topic = s.contract.topic;
      const base = thingEvent(
        s.contract,
        { tenantId: s.tenantId, workspaceId: s.workspaceId },
        { seq: 0, label: 'x' },
      );
      const malformed = '{"eventId": "not closed';
      const unknownVersion = JSON.stringify({ ...base, eventId: randomUUID(), version: 99 });
      const violation = JSON.stringify({ ...base, eventId: randomUUID(), payload: { seq: 'one', label: 7 } });
      for (const bytes of [malformed, unknownVersion, violation]) {
        await fixture.injectRaw(topic, s.workspaceId, Buffer.from(bytes));
      }
      const [after] = await s.write([{ seq: 1, label: 'after' }]);
      await s.waitForEffect(after!.eventId);
      const letters = await waitFor(s.deadLetters, (rows) => rows.length >= 3, {
        what: 'three dead letters',
      });
      const byReason = new Map(letters.map((letter) => [letter.reason, letter]));
      expect([...byReason.keys()].sort()).toEqual([
        'malformed-envelope',
        'schema-violation',
        'unknown-event',
      ]);
      expect(byReason.get('malformed-envelope')!.value).toBe(malformed);
      expect(byReason.get('malformed-envelope')!.detail).toMatch(/JSON/);
      expect(byReason.get('unknown-event')!.value).toBe(unknownVersion);
      expect(byReason.get('unknown-event')!.detail).toContain('v99');
      expect(byReason.get('schema-violation')!.value).toBe(violation);
      expect(byReason.get('schema-violation')!.detail).toContain('payload.seq');
      expect((await s.effects()).map((effect) => effect.label)).toEqual(['after']);
    });

    it('stop() lets the handler in flight finish and commit; a restart does not apply it again', async () => {
      let entered!: () => void;
      const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
      const s = scenario({
        behaviour: async (event) => {
          if (event.payload.label !== 'slow') {
            return;
          }
          entered();
          await sleep(1_500);
        },
      });
      const bus = await s.start();
      const [slow] = await s.write([{ seq: 1, label: 'slow' }]);
      await handlerEntered;
      await bus.stop();
      expect(await s.effectsOf(slow!.eventId)).toBe(1);

      await s.start();
      const [marker] = await s.write([{ seq: 2, label: 'after restart' }]);
      await s.waitForEffect(marker!.eventId);
      expect(s.attempts.get(slow!.eventId)).toBe(1);
      expect(await s.effectsOf(slow!.eventId)).toBe(1);
    });

    it('delivers promptly, well under the 1 s safety poll', async () => {
      const s = scenario();
      await s.start();
      // The first delivery also warms up connections and topic metadata.
      const [warm] = await s.write([{ seq: 0, label: 'warm-up' }]);
      await s.waitForEffect(warm!.eventId);
      const latencies: number[] = [];
      for (let i = 1; i <= 5; i++) {
        await sleep(1_100); // let the relay go idle, so the wake-up (not a busy loop) is what is measured
        const started = Date.now();
        const [event] = await s.write([{ seq: i, label: 'prompt' }]);
        await waitFor(
          () => s.effectsOf(event!.eventId),
          (count) => count >= 1,
          { intervalMs: 5 },
        );
        latencies.push(Date.now() - started);
      }
      latencies.sort((a, b) => a - b);
      expect(latencies[2]).toBeLessThan(300);
    });
  });
}

function effectHandler(
  contract: EventContract<ThingPayload>,
  group: string,
  attempts: Map<string, number>,
  behaviour: Behaviour | undefined,
): MessageHandler<ThingPayload> {
  return {
    contract,
    async handle(event: EventEnvelope<ThingPayload>, tx: Tx): Promise<void> {
      const attempt = (attempts.get(event.eventId) ?? 0) + 1;
      attempts.set(event.eventId, attempt);
      await behaviour?.(event, attempt);
      await tx.query(
        `INSERT INTO consumer.effect (tenant_id, consumer_group, event_id, workspace_id, seq, label)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [event.tenantId, group, event.eventId, event.workspaceId, event.payload.seq, event.payload.label],
      );
    },
  };
}
