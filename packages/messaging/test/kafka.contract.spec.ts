import { createEventBus, deadLetterTopic, headerNames } from '@chorus/messaging';
import {
  createTestDatabase,
  createTopics,
  kafkaBrokersForTests,
  readAllMessages,
  testKafkaClient,
} from '@chorus/testing';
import type { Producer } from 'kafkajs';
import { runEventBusContract } from './contract/event-bus.contract.js';
import type { EventBusFixture, ObservedDeadLetter } from './contract/event-bus-fixture.js';
import { openTestDatabases } from './support/open-test-databases.js';

const PARTITIONS = 3;

runEventBusContract('kafka on PostgreSQL', async (): Promise<EventBusFixture> => {
  const brokers = kafkaBrokersForTests();
  const testDb = await createTestDatabase();
  const { database, producerDb, consumerDb } = await openTestDatabases(testDb.config);
  let injector: Producer | undefined;
  return {
    producerDb,
    consumerDb,
    createBus: () =>
      createEventBus(
        { transport: 'kafka', brokers, clientId: 'messaging-contract' },
        {
          database: testDb.config,
          kafka: { topicPartitions: PARTITIONS, sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000 },
        },
      ),
    // A foreign producer writing straight to the topic (same default partitioner, so the key picks the partition).
    async injectRaw(topic, key, value) {
      if (!(await topicExists(brokers, topic))) {
        await createTopics(brokers, topic, PARTITIONS);
      }
      if (!injector) {
        injector = testKafkaClient(brokers, 'messaging-contract-injector').producer();
        await injector.connect();
      }
      await injector.send({ topic, acks: -1, messages: [{ key, value }] });
    },
    async deadLetters(group) {
      if (!(await topicExists(brokers, deadLetterTopic(group)))) {
        return [];
      }
      const messages = await readAllMessages(brokers, deadLetterTopic(group));
      return messages.map((message): ObservedDeadLetter => {
        const header = (name: string): string => message.headers[name]?.toString() ?? '';
        return {
          reason: header(headerNames.deadLetterReason),
          detail: header(headerNames.deadLetterDetail),
          attempts: Number(header(headerNames.deadLetterAttempts)),
          value: message.value?.toString('utf8') ?? null,
          sourceTopic: header(headerNames.sourceTopic),
        };
      });
    },
    async dispose() {
      await injector?.disconnect();
      await database.close();
      await testDb.drop();
    },
  };
});

async function topicExists(brokers: string[], topic: string): Promise<boolean> {
  const admin = testKafkaClient(brokers).admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).includes(topic);
  } finally {
    await admin.disconnect();
  }
}
