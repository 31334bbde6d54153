import type { ServiceDatabase } from '@chorus/persistence';
import { abortableSleep } from '../abortable-sleep.js';
import { errorFields, type BusLogger } from '../logger.js';
import { messagingTableNames } from '../outbox/table-names.js';
import { applyOnce } from './apply-once.js';
import {
  truncateDetail,
  type DeadLetter,
  type DeadLetterReason,
  type DeadLetterSink,
} from './dead-letter.js';
import { decodeMessage, type DecodedMessage } from './envelope-decoder.js';
import { isRetriable } from './errors.js';
import { HandlerFailure } from './handler-failure.js';
import type { HandlerSet } from './handler-set.js';
import type { InboundMessage } from './inbound-message.js';
import { backoffDelayMs, type RetryPolicy } from './retry-policy.js';

export interface PipelineControl {
  /** Aborted on shutdown or when the transport lost the messages (rebalance): finish the current step only. */
  readonly signal: AbortSignal;
  /** Keeps the transport's lease on the messages alive during long retries. */
  heartbeat(): Promise<void>;
}

export interface ConsumerPipelineOptions {
  readonly group: string;
  readonly db: ServiceDatabase;
  readonly handlers: HandlerSet;
  readonly retry: RetryPolicy;
  readonly deadLetters: DeadLetterSink;
  readonly logger: BusLogger;
}

type Readable = Extract<DecodedMessage, { ok: true }>;

/**
 * What every transport does with the messages of one partition (or one relay batch in-process), in order:
 * unreadable messages go to the dead letters; readable ones are applied once, in one transaction for the
 * batch; if that transaction fails, one transaction per message isolates the poison message, which is retried
 * with backoff and then dead-lettered. The caller acknowledges (commits offsets, marks rows published) only the
 * prefix this reports as settled.
 */
export class ConsumerPipeline {
  readonly group: string;
  readonly topics: readonly string[];
  private readonly processedTable: string;

  constructor(private readonly options: ConsumerPipelineOptions) {
    this.group = options.group;
    this.topics = options.handlers.topics;
    this.processedTable = messagingTableNames(options.db.schema).processedMessage;
  }

  /**
   * Resolves with the number of leading messages settled (effect committed or dead letter written). Rejects
   * when the consumer's own database work or the dead-letter store fails: the transport must redeliver.
   */
  async process(messages: readonly InboundMessage[], control: PipelineControl): Promise<number> {
    const decoded = messages.map((message) => decodeMessage(message, this.options.handlers.registry));
    const unreadable = decoded.flatMap((d) =>
      d.ok ? [] : [this.letter(d.message, d.reason, d.detail, 0, null)],
    );
    if (unreadable.length > 0) {
      await this.options.deadLetters.write(unreadable);
    }

    const readable = decoded.filter((d): d is Readable => d.ok);
    const settled = await this.settle(readable, control);
    // Unreadable messages are settled already; the prefix ends at the first readable one left unsettled.
    const firstUnsettled = readable[settled];
    return firstUnsettled === undefined ? messages.length : messages.indexOf(firstUnsettled.message);
  }

  /**
   * One transaction for the whole run. When a handler fails in it, the events before the failing one are
   * applied again as a batch, the failing one alone with retries, and the rest as a batch; when the batch
   * fails for a reason no handler owns, every event gets a transaction of its own. Returns how many leading
   * items are settled.
   */
  private async settle(items: readonly Readable[], control: PipelineControl): Promise<number> {
    const [first] = items;
    if (first === undefined) {
      return 0;
    }
    if (items.length === 1) {
      return (await this.applyWithRetry(first, control)) ? 1 : 0;
    }
    const failure = await this.tryBatch(items);
    if (failure === undefined) {
      return items.length;
    }
    const index =
      failure instanceof HandlerFailure ? items.findIndex((item) => item.envelope === failure.event) : -1;
    this.options.logger.warn('batch transaction failed; isolating the failing event', {
      group: this.group,
      batch: items.length,
      ...(index >= 0 ? { eventId: items[index]!.envelope.eventId } : errorFields(failure)),
    });
    if (index < 0) {
      return this.settleOneByOne(items, control);
    }
    const before = await this.settle(items.slice(0, index), control);
    if (before < index || control.signal.aborted) {
      return before;
    }
    if (!(await this.applyWithRetry(items[index]!, control, failure as HandlerFailure))) {
      return index;
    }
    if (control.signal.aborted) {
      return index + 1;
    }
    return index + 1 + (await this.settle(items.slice(index + 1), control));
  }

  private async settleOneByOne(items: readonly Readable[], control: PipelineControl): Promise<number> {
    for (let index = 0; index < items.length; index++) {
      if (control.signal.aborted || !(await this.applyWithRetry(items[index]!, control))) {
        return index;
      }
    }
    return items.length;
  }

  /**
   * Attempts until applied or dead-lettered (true), or until shutdown interrupts a backoff (false).
   * `failed`: the failure of a first attempt made inside a batch, which counts as attempt 1.
   */
  private async applyWithRetry(
    item: Readable,
    control: PipelineControl,
    failed?: HandlerFailure,
  ): Promise<boolean> {
    const { retry, logger } = this.options;
    let failure = failed ?? (await this.tryApply([item]));
    for (let attempt = 1; failure !== undefined; attempt++) {
      const cause = failure.original;
      const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
      if (!isRetriable(cause)) {
        await this.options.deadLetters.write([
          this.letter(item.message, 'non-retriable-error', detail, attempt, item),
        ]);
        return true;
      }
      if (attempt >= retry.maxAttempts) {
        await this.options.deadLetters.write([
          this.letter(item.message, 'retries-exhausted', detail, attempt, item),
        ]);
        return true;
      }
      const delayMs = backoffDelayMs(retry, attempt);
      logger.warn('handler failed; retrying', {
        group: this.group,
        eventId: item.envelope.eventId,
        eventType: item.envelope.type,
        attempt,
        delayMs,
        ...errorFields(cause),
      });
      await abortableSleep(delayMs, control.signal);
      if (control.signal.aborted) {
        return false;
      }
      await control.heartbeat();
      failure = await this.tryApply([item]);
    }
    return true;
  }

  /** A batch: undefined when applied, else what failed it (a handler's failure or any other error). */
  private async tryBatch(items: readonly Readable[]): Promise<unknown> {
    try {
      await this.apply(items);
      return undefined;
    } catch (error) {
      return error;
    }
  }

  /**
   * One event: undefined when applied, the handler's failure otherwise. A transaction PostgreSQL aborted because
   * the handler caught a failed statement is the handler's failure too. Anything else (begin, mark, commit) is
   * thrown, for the transport to redeliver.
   */
  private async tryApply(items: readonly [Readable]): Promise<HandlerFailure | undefined> {
    try {
      await this.apply(items);
      return undefined;
    } catch (error) {
      if (error instanceof HandlerFailure) {
        return error;
      }
      if (error instanceof Error && error.name === 'TransactionAbortedError') {
        return new HandlerFailure(items[0].envelope, error);
      }
      throw error;
    }
  }

  private apply(items: readonly Readable[]): Promise<void> {
    return applyOnce(
      this.options.db,
      this.processedTable,
      this.group,
      this.options.handlers,
      items.map((item) => item.envelope),
    );
  }

  private letter(
    message: InboundMessage,
    reason: DeadLetterReason,
    detail: string,
    attempts: number,
    readable: Readable | null,
  ): DeadLetter {
    return {
      group: this.group,
      message,
      reason,
      detail: truncateDetail(detail),
      attempts,
      eventId: readable?.envelope.eventId ?? null,
      tenantId: readable?.envelope.tenantId ?? null,
    };
  }
}
