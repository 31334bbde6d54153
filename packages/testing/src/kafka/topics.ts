import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

/** Kafka topic names allow [a-zA-Z0-9._-] and at most 249 characters. */
const INVALID_TOPIC_CHARACTERS = /[^a-zA-Z0-9._-]/g;

/**
 * A topic name no other test (nor an earlier run on the same broker) uses: `<prefix>.<time>.<random>`.
 * Tests share one broker, so each test works on topics of its own instead of cleaning up.
 */
export function uniqueTopic(prefix = 'test'): string {
  const safePrefix = prefix.replace(INVALID_TOPIC_CHARACTERS, '-').slice(0, 200) || 'test';
  return `${safePrefix}.${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`;
}

/** A kafkajs client for test helpers: quiet, since tests assert on results, not on client logs. */
export function testKafkaClient(
  brokers: string[],
  clientId = 'chorus-test',
  level: logLevel = logLevel.ERROR,
): Kafka {
  return new Kafka({ clientId, brokers, logLevel: level, retry: { retries: 8 } });
}

/**
 * Creates the topics (replication factor 1) and waits until each partition has a leader, so that a
 * producer or consumer can use them at once. Topics that already exist are left as they are.
 */
export async function createTopics(
  brokers: string[],
  topics: string | readonly string[],
  partitions = 4,
): Promise<void> {
  const admin = testKafkaClient(brokers, 'chorus-test-admin').admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: (typeof topics === 'string' ? [topics] : topics).map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor: 1,
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
