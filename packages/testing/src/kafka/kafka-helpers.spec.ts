import { Partitioners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBrokersForTests } from './brokers.js';
import { readAllMessages } from './read-all-messages.js';
import { createTopics, testKafkaClient, uniqueTopic } from './topics.js';

describe('kafkaBrokersForTests', () => {
  it('splits KAFKA_BROKERS', () => {
    expect(kafkaBrokersForTests({ KAFKA_BROKERS: ' 127.0.0.1:1, 127.0.0.1:2 ,' })).toEqual([
      '127.0.0.1:1',
      '127.0.0.1:2',
    ]);
  });

  it('says how to get a broker when KAFKA_BROKERS is missing', () => {
    expect(() => kafkaBrokersForTests({})).toThrow(
      /KAFKA_BROKERS is not set.*test\/infra\/kafka\.mjs start/s,
    );
  });
});

describe('uniqueTopic', () => {
  it('makes distinct, valid topic names from any prefix', () => {
    const names = new Set(Array.from({ length: 100 }, () => uniqueTopic('my prefix/ü')));
    expect(names.size).toBe(100);
    for (const name of names) {
      expect(name).toMatch(/^my-prefix--\.[a-z0-9]+\.[0-9a-f]{8}$/);
      expect(name.length).toBeLessThanOrEqual(249);
    }
  });
});

describe('against the shared broker', () => {
  const brokers = kafkaBrokersForTests();
  const kafka = testKafkaClient(brokers);
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });

  beforeAll(() => producer.connect());
  afterAll(() => producer.disconnect());

  it('creates topics with the partitions asked for', async () => {
    const [first, second] = [uniqueTopic('helpers'), uniqueTopic('helpers')];
    await createTopics(brokers, [first, second], 3);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [first, second] });
      expect(topics.map((topic) => topic.partitions.length)).toEqual([3, 3]);
    } finally {
      await admin.disconnect();
    }
  });

  it('reads every message of a topic, ordered by partition and offset', async () => {
    const topic = uniqueTopic('helpers');
    await createTopics(brokers, topic, 3);
    const sent = Array.from({ length: 60 }, (_, i) => ({ key: `workspace-${i % 7}`, value: `event-${i}` }));
    await producer.send({ topic, acks: -1, messages: sent });

    const read = await readAllMessages(brokers, topic, { timeoutMs: 20_000 });

    expect(read).toHaveLength(60);
    expect(new Set(read.map((message) => message.partition)).size).toBeGreaterThan(1);
    expect(read.map((message) => message.value?.toString()).sort()).toEqual(
      sent.map((message) => message.value).sort(),
    );
    // One key stays on one partition, in the order it was sent.
    const forKey = read.filter((message) => message.key?.toString() === 'workspace-3');
    expect(new Set(forKey.map((message) => message.partition)).size).toBe(1);
    expect(forKey.map((message) => message.value?.toString())).toEqual(
      sent.filter((message) => message.key === 'workspace-3').map((message) => message.value),
    );
  });

  it('returns nothing for an empty topic without waiting', async () => {
    const topic = uniqueTopic('helpers');
    await createTopics(brokers, topic, 2);
    const started = Date.now();
    expect(await readAllMessages(brokers, topic)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reaches the end of a partition whose last record is a transaction marker', async () => {
    const topic = uniqueTopic('helpers');
    await createTopics(brokers, topic, 1);
    const transactional = kafka.producer({
      transactionalId: uniqueTopic('tx'),
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await transactional.connect();
    try {
      const transaction = await transactional.transaction();
      await transaction.send({ topic, messages: [{ value: 'a' }, { value: 'b' }] });
      await transaction.commit();
    } finally {
      await transactional.disconnect();
    }
    // The commit marker is written just after commit() returns; wait until it is (2 records + 1 marker).
    await expect.poll(() => endOffset(topic), { timeout: 10_000 }).toBe('3');

    const read = await readAllMessages(brokers, topic, { timeoutMs: 20_000 });

    expect(read.map((message) => message.value?.toString())).toEqual(['a', 'b']);
  });

  it('does not wait for a transaction that is still open', async () => {
    const topic = uniqueTopic('helpers');
    await createTopics(brokers, topic, 1);
    await producer.send({ topic, acks: -1, messages: [{ value: 'before' }] });
    const transactional = kafka.producer({
      transactionalId: uniqueTopic('tx'),
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await transactional.connect();
    const transaction = await transactional.transaction();
    try {
      await transaction.send({ topic, messages: [{ value: 'pending' }] });
      const read = await readAllMessages(brokers, topic, { timeoutMs: 10_000 });
      expect(read.map((message) => message.value?.toString())).toEqual(['before']);
    } finally {
      await transaction.abort();
      await transactional.disconnect();
    }
  });

  it('fails with a clear message when the end is not reached in time', async () => {
    const topic = uniqueTopic('helpers');
    await createTopics(brokers, topic, 1);
    await producer.send({ topic, acks: -1, messages: [{ value: 'x' }] });
    // No consumer joins its group within 1 ms.
    await expect(readAllMessages(brokers, topic, { timeoutMs: 1 })).rejects.toThrow(
      /readAllMessages\(.*\): read 0 messages in 1 ms; not at the end of partition 0 \(end 1\)/,
    );
  });

  async function endOffset(topic: string): Promise<string | undefined> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic))[0]?.high;
    } finally {
      await admin.disconnect();
    }
  }
});
