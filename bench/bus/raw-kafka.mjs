// The ceiling: the same messages through plain kafkajs (same producer settings, no database), produced in
// sendBatch chunks as fast as acknowledgements allow while one consumer reads them.
/* global performance */
import { Kafka, Partitioners, logLevel } from 'kafkajs';

export async function rawKafkaThroughput({ brokers, topic, partitions, messages, batchSize = 500 }) {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
  });
  await admin.disconnect();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId: `${topic}.reader`, maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  let consumed = 0;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  await consumer.run({
    partitionsConsumedConcurrently: partitions,
    eachBatch: async ({ batch }) => {
      consumed += batch.messages.length;
      if (consumed >= messages.length) {
        resolveDone();
      }
    },
  });
  const started = performance.now();
  for (let i = 0; i < messages.length; i += batchSize) {
    await producer.sendBatch({
      acks: -1,
      topicMessages: [{ topic, messages: messages.slice(i, i + batchSize) }],
    });
  }
  const produced = performance.now();
  await done;
  const finished = performance.now();
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return {
    messages: messages.length,
    produceEventsPerSecond: Math.round(messages.length / ((produced - started) / 1000)),
    eventsPerSecond: Math.round(messages.length / ((finished - started) / 1000)),
  };
}
