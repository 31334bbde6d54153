import type { ServiceDatabase } from '@chorus/persistence';
import { abortableSleep } from '../abortable-sleep.js';
import { errorFields, type BusLogger } from '../logger.js';
import { onOutboxCommitted } from '../outbox/outbox-signal.js';
import type { OutboxRecord, OutboxSink } from './outbox-record.js';
import { OutboxStore } from './outbox-store.js';
import type { RelayLeadership } from './relay-leadership.js';

export interface RelayOptions {
  /** Rows per cycle: one read, one delivery (one Kafka sendBatch), one delete. */
  readonly batchSize: number;
  /** Safety poll: the longest a committed row waits if every wake-up was missed. */
  readonly pollIntervalMs: number;
  /** How long stop() waits for a delivery in flight before closing the transport under it. */
  readonly drainTimeoutMs: number;
}

export const defaultRelayOptions: RelayOptions = {
  batchSize: 500,
  pollIntervalMs: 1_000,
  drainTimeoutMs: 30_000,
};

const ERROR_BACKOFF_MS = { initial: 100, max: 5_000 };

interface Delivery {
  readonly records: readonly OutboxRecord[];
  /** The batch's row ids, left out of the next read while it is in flight. */
  readonly ids: readonly string[];
  readonly delivered: Promise<readonly string[]>;
}

/**
 * Moves one service's outbox to a transport: read rows in id order, deliver, delete them, each
 * database step in its own short transaction (never one held across the delivery: on PGlite a transaction
 * blocks the whole process). Woken by commits in this process, by NOTIFY from other processes, and by a
 * safety poll. Delivery is at least once: a crash between delivery and deleting re-sends the batch.
 */
export class OutboxRelay {
  readonly schema: string;
  private readonly store: OutboxStore;
  private readonly stopController = new AbortController();
  private loop: Promise<void> | null = null;
  private wakePending = false;
  private wakeUp: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly leadership: RelayLeadership;

  /** `leadership` gets the relay's wake(), for a session that hears other processes' commits. */
  constructor(
    db: ServiceDatabase,
    private readonly sink: OutboxSink,
    leadership: (wake: () => void) => RelayLeadership,
    private readonly logger: BusLogger,
    private readonly options: RelayOptions = defaultRelayOptions,
  ) {
    this.schema = db.schema;
    this.store = new OutboxStore(db);
    this.leadership = leadership(() => this.wake());
  }

  start(): void {
    if (this.loop !== null) {
      return;
    }
    this.unsubscribe = onOutboxCommitted(this.schema, () => this.wake());
    this.loop = this.run();
  }

  /** Ask for a cycle now (a commit just added rows). Cheap and idempotent. */
  wake(): void {
    this.wakePending = true;
    this.wakeUp?.();
  }

  /** Finishes the batch in flight (delivery and removal), then releases leadership and the transport. */
  async stop(): Promise<void> {
    if (this.loop === null) {
      return;
    }
    this.unsubscribe?.();
    this.stopController.abort();
    this.wake();
    const drained = await Promise.race([
      this.loop.then(() => true),
      abortableSleep(this.options.drainTimeoutMs).then(() => false),
    ]);
    if (!drained) {
      this.logger.warn('relay did not drain in time; closing the transport', { schema: this.schema });
    }
    await this.sink.close();
    await this.loop;
    await this.leadership.release();
  }

  private async run(): Promise<void> {
    const stopped = this.stopController.signal;
    let failures = 0;
    // Kafka only: a batch sent but not yet removed, while the next one is read (and then removed while the next
    // one is sent): the database and the broker work in parallel.
    let inFlight: Delivery | null = null;
    for (;;) {
      this.wakePending = false;
      try {
        const active = !stopped.aborted && (await this.leadership.acquire());
        if (!active) {
          const previous = inFlight;
          inFlight = null;
          if (previous !== null) {
            await this.settle(previous);
          }
          if (stopped.aborted) {
            return;
          }
          await this.idle(this.options.pollIntervalMs);
          continue;
        }
        const records = await this.store.readPending(this.options.batchSize, inFlight?.ids ?? []);
        if (inFlight !== null) {
          // The batch in flight is acknowledged before the next is sent, so that one key's events stay in order.
          const previous = inFlight;
          inFlight = null;
          const delivered = await previous.delivered;
          inFlight = records.length > 0 ? this.deliver(records, stopped) : null;
          await this.store.removePublished(delivered);
          failures = 0;
          continue;
        }
        if (records.length === 0) {
          await this.idle(this.options.pollIntervalMs);
          continue;
        }
        const delivery = this.deliver(records, stopped);
        if (this.sink.pipelined) {
          inFlight = delivery;
          continue;
        }
        const complete = await this.settle(delivery);
        failures = 0;
        if (!complete) {
          // A consumer gave up on part of the batch (it is stopping): the rest goes out on a later cycle.
          await this.idle(this.options.pollIntervalMs);
        }
      } catch (error) {
        inFlight = null; // its rows are still unpublished: read and sent again after the backoff
        failures++;
        const delayMs = Math.min(ERROR_BACKOFF_MS.max, ERROR_BACKOFF_MS.initial * 2 ** (failures - 1));
        this.logger.warn('outbox relay cycle failed; retrying', {
          schema: this.schema,
          delayMs,
          ...errorFields(error),
        });
        await abortableSleep(delayMs, stopped);
      }
    }
  }

  private deliver(records: readonly OutboxRecord[], signal: AbortSignal): Delivery {
    const delivered = this.sink.deliver(records, signal);
    // Awaited later, or dropped after another failure: never an unhandled rejection.
    delivered.catch(() => undefined);
    return { records, ids: records.map((record) => record.id), delivered };
  }

  /** Waits for the delivery, removes what it delivered; true when that was the whole batch. */
  private async settle(delivery: Delivery): Promise<boolean> {
    const delivered = await delivery.delivered;
    await this.store.removePublished(delivered);
    return delivered.length === delivery.records.length;
  }

  /** Waits for a wake-up, the poll interval, or stop. */
  private async idle(ms: number): Promise<void> {
    if (this.wakePending || this.stopController.signal.aborted) {
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
    this.wakeUp = null;
  }
}
