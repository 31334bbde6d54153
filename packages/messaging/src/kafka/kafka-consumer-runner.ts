import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { ConsumerPipeline } from '../consumer/consumer-pipeline.js';
import type { InboundMessage } from '../consumer/inbound-message.js';
import type { BusLogger } from '../logger.js';
import { decodeHeaders } from './kafka-headers.js';
import type { TopicProvisioner } from './topic-provisioner.js';

export interface KafkaConsumerSettings {
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /** Partitions processed at once; each has its own transaction, so order per key is unaffected. */
  readonly partitionsConsumedConcurrently: number;
  readonly maxBytesPerPartition: number;
}

/**
 * One kafkajs consumer group feeding the shared pipeline, one partition batch at a time. Offsets are committed
 * by hand, and only for the prefix the pipeline settled (effects committed or dead letters acknowledged): a
 * crash anywhere before that redelivers, and the processed-message table absorbs the repeat.
 */
export class KafkaConsumerRunner {
  private consumer: Consumer | null = null;
  private readonly stopping = new AbortController();

  constructor(
    private readonly kafka: Kafka,
    private readonly pipeline: ConsumerPipeline,
    private readonly topics: TopicProvisioner,
    private readonly settings: KafkaConsumerSettings,
    private readonly logger: BusLogger,
  ) {}

  async start(): Promise<void> {
    await this.topics.ensure(this.pipeline.topics);
    const consumer = this.kafka.consumer({
      groupId: this.pipeline.group,
      sessionTimeout: this.settings.sessionTimeoutMs,
      heartbeatInterval: this.settings.heartbeatIntervalMs,
      maxBytesPerPartition: this.settings.maxBytesPerPartition,
      maxWaitTimeInMs: 500,
      allowAutoTopicCreation: false,
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.logger.error('kafka consumer crashed', {
        group: this.pipeline.group,
        error: event.payload.error.message,
        restart: event.payload.restart,
      });
    });
    await consumer.connect();
    // A new group starts at the beginning: events published before its first start are its to handle.
    await consumer.subscribe({ topics: [...this.pipeline.topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.consumer = consumer;
  }

  /** kafkajs waits for the batches in flight (they finish their transaction and commit), then leaves the group. */
  async stop(): Promise<void> {
    this.stopping.abort();
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0 || !payload.isRunning() || payload.isStale()) {
      return;
    }
    // Aborted on shutdown, or when the partition was taken away (rebalance): finish the current step only.
    const lost = new AbortController();
    const onStop = (): void => lost.abort();
    this.stopping.signal.addEventListener('abort', onStop, { once: true });
    try {
      const messages: InboundMessage[] = batch.messages.map((message) => ({
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value,
        headers: decodeHeaders(message.headers),
      }));
      const settled = await this.pipeline.process(messages, {
        signal: lost.signal,
        heartbeat: async () => {
          try {
            await payload.heartbeat();
          } catch (error) {
            lost.abort();
            this.logger.warn('heartbeat failed; stopping this batch', {
              group: this.pipeline.group,
              error: String(error),
            });
          }
        },
      });
      const last = batch.messages[settled - 1];
      if (last === undefined) {
        return;
      }
      payload.resolveOffset(last.offset);
      await payload.commitOffsetsIfNecessary({
        topics: [
          {
            topic: batch.topic,
            partitions: [{ partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }],
          },
        ],
      });
    } finally {
      this.stopping.signal.removeEventListener('abort', onStop);
    }
  }
}
