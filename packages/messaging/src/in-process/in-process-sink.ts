import type { ConsumerPipeline } from '../consumer/consumer-pipeline.js';
import type { InboundMessage } from '../consumer/inbound-message.js';
import type { OutboxRecord, OutboxSink } from '../relay/outbox-record.js';
import type { InProcessRouter } from './in-process-router.js';

/** In-process records carry their outbox row id as offset, on a single partition. */
function toInbound(record: OutboxRecord): InboundMessage {
  return {
    topic: record.topic,
    partition: 0,
    offset: record.id,
    key: record.key,
    value: record.value,
    headers: record.headers,
  };
}

/**
 * Embedded mode's transport: hands a relay batch to every consumer group of this process that reads its
 * topics, through the same pipeline as Kafka. A row counts as delivered only once every such group has
 * settled it, so the outbox itself is the log: nothing is marked published before its effects commit.
 */
export class InProcessSink implements OutboxSink {
  readonly pipelined = false;

  constructor(private readonly router: InProcessRouter) {}

  async deliver(records: readonly OutboxRecord[], signal: AbortSignal): Promise<readonly string[]> {
    const subscribers = this.router.subscribersOf(new Set(records.map((record) => record.topic)));
    const outcomes = await Promise.allSettled(
      subscribers.map((pipeline) => this.deliverTo(pipeline, records, signal)),
    );
    const unsettled = new Set<string>();
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        throw outcome.reason;
      }
      for (const id of outcome.value) {
        unsettled.add(id);
      }
    }
    return records.filter((record) => !unsettled.has(record.id)).map((record) => record.id);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Resolves with the ids this group read but did not settle. */
  private async deliverTo(
    pipeline: ConsumerPipeline,
    records: readonly OutboxRecord[],
    signal: AbortSignal,
  ): Promise<string[]> {
    const mine = records.filter((record) => pipeline.topics.includes(record.topic));
    const settled = await pipeline.process(mine.map(toInbound), {
      signal,
      heartbeat: () => Promise.resolve(),
    });
    return mine.slice(settled).map((record) => record.id);
  }
}
