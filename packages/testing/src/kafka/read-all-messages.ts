import { randomBytes } from 'node:crypto';
import { type IHeaders, logLevel } from 'kafkajs';
import { testKafkaClient } from './topics.js';

export interface ReadMessage {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offsets are 64-bit: kept as the decimal string kafkajs gives. */
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
  readonly timestamp: string;
}

export interface ReadAllOptions {
  /** Fails when the end is not reached in time. Default 30 s. */
  timeoutMs?: number;
}

/**
 * Reads a topic from the beginning to its end as it is when the call starts, for counting and inspecting
 * what a test produced. Returns the messages ordered by partition, then offset. Uses a throwaway consumer
 * group, deleted afterwards. Like the services' consumers it reads committed records only: the end is each
 * partition's last stable offset, so records of a transaction still open are neither returned nor awaited.
 */
export async function readAllMessages(
  brokers: string[],
  topic: string,
  options: ReadAllOptions = {},
): Promise<ReadMessage[]> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Silent: its failures reach the caller as errors, and a consumer stopped at the timeout while it joins
  // its group logs a crash that means nothing.
  const kafka = testKafkaClient(brokers, 'chorus-test-reader', logLevel.NOTHING);
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `chorus-test-reader.${randomBytes(6).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  const messages: ReadMessage[] = [];
  try {
    // Where each partition ends now (kafkajs lists read_committed offsets); empty partitions are done.
    const ends = new Map<number, bigint>();
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(high) > BigInt(low)) {
        ends.set(partition, BigInt(high));
      }
    }
    if (ends.size === 0) {
      return [];
    }
    const pending = new Set(ends.keys());

    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const left = [...pending].map((partition) => `partition ${partition} (end ${ends.get(partition)})`);
        reject(
          new Error(
            `readAllMessages(${topic}): read ${messages.length} messages in ${timeoutMs} ms; not at the end of ${left.join(', ')}`,
          ),
        );
      }, timeoutMs);
      const settle = (error?: Error): void => {
        clearTimeout(timer);
        if (error) {
          reject(error);
        } else {
          resolve();
        }
      };
      consumer.on(consumer.events.CRASH, (event) => settle(event.payload.error));
      // Batch events also arrive for batches holding only transaction markers, which eachMessage never
      // sees: progress is judged by the last offset of each fetched batch. A batch with no records at all
      // (firstOffset null) reports the high watermark as its last offset even when read_committed stops
      // earlier, at an open transaction or before a commit marker is written: it says nothing.
      consumer.on(consumer.events.END_BATCH_PROCESS, (event) => {
        const { partition, lastOffset, firstOffset } = event.payload;
        if (firstOffset === null) {
          return;
        }
        const end = ends.get(partition);
        if (end !== undefined && BigInt(lastOffset) + 1n >= end) {
          pending.delete(partition);
        }
        if (pending.size === 0) {
          settle();
        }
      });
      consumer
        .run({
          eachMessage: ({ partition, message }) => {
            const end = ends.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) {
              return Promise.resolve(); // produced after the call started
            }
            messages.push({
              topic,
              partition,
              offset: message.offset,
              key: message.key,
              value: message.value,
              headers: message.headers ?? {},
              timestamp: message.timestamp,
            });
            return Promise.resolve();
          },
        })
        .catch((error: Error) => settle(error));
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return messages.sort((a, b) => a.partition - b.partition || (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1));
}
