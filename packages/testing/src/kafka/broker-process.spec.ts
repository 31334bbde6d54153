import { Partitioners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KafkaBrokerProcess, startKafkaBroker } from './broker-process.js';
import { readAllMessages } from './read-all-messages.js';
import { createTopics, testKafkaClient, uniqueTopic } from './topics.js';

// A broker of this file's own: it is crashed and restarted, which the shared broker must never be.
describe('startKafkaBroker', () => {
  let broker: KafkaBrokerProcess;

  beforeAll(async () => {
    broker = await startKafkaBroker();
  }, 120_000);

  afterAll(async () => {
    await broker?.dispose();
  }, 60_000);

  it('keeps acknowledged messages across a kill -9 and a restart on the same log dir', async () => {
    expect(broker.brokers).toEqual([`127.0.0.1:${broker.port}`]);
    const topic = uniqueTopic('crash');
    await createTopics(broker.brokers, topic, 2);
    const producer = testKafkaClient(broker.brokers).producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: 20 }, (_, i) => ({ key: `k${i % 4}`, value: `m${i}` })),
    });
    await producer.disconnect();
    const firstPid = broker.pid;

    await broker.kill9();
    await broker.start();

    expect(broker.pid).not.toBe(firstPid);
    const read = await readAllMessages(broker.brokers, topic, { timeoutMs: 30_000 });
    expect(read).toHaveLength(20);
  }, 120_000);
});
