import { KafkaJSConnectionError, KafkaJSProtocolError, type Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { TopicProvisioner } from './topic-provisioner.js';

/** An admin client whose createTopics answers from a script, one answer per call. */
function scriptedKafka(answers: Array<Error | 'ok'>) {
  const calls = { connect: 0, createTopics: 0, disconnect: 0 };
  const admin = {
    connect: () => {
      calls.connect += 1;
      return Promise.resolve();
    },
    disconnect: () => {
      calls.disconnect += 1;
      return Promise.resolve();
    },
    listTopics: () => Promise.resolve([]),
    createTopics: () => {
      const answer = answers[calls.createTopics] ?? 'ok';
      calls.createTopics += 1;
      return answer === 'ok' ? Promise.resolve(true) : Promise.reject(answer);
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, calls };
}

interface BrokerAnswer {
  type: string;
  code: number;
  retriable: boolean;
  message: string;
}
// kafkajs builds these from its table of broker error codes; its typings only admit an Error or a string.
const protocolError = (answer: BrokerAnswer) => new KafkaJSProtocolError(answer as unknown as Error);

// Error code 3: what the broker answers while a topic another service just created is still propagating.
const unknownTopic = () =>
  protocolError({
    type: 'UNKNOWN_TOPIC_OR_PARTITION',
    code: 3,
    retriable: true,
    message: 'This server does not host this topic-partition',
  });
const settings = { partitions: 3, replicationFactor: 1 };
const fastRetry = { attempts: 4, initialDelayMs: 1 };

describe('TopicProvisioner', () => {
  it('waits out a retriable broker answer while topics propagate, on a fresh admin connection', async () => {
    const { kafka, calls } = scriptedKafka([unknownTopic(), unknownTopic(), 'ok']);
    const provisioner = new TopicProvisioner(kafka, settings, fastRetry);

    await provisioner.ensure(['chorus.strategy.goal-set']);

    expect(calls.createTopics).toBe(3);
    expect(calls.connect).toBe(3);
    // Known afterwards: no second round trip for the same topic.
    await provisioner.ensure(['chorus.strategy.goal-set']);
    expect(calls.createTopics).toBe(3);
  });

  it('gives up after the last attempt with the broker error', async () => {
    const { kafka, calls } = scriptedKafka(Array.from({ length: 10 }, unknownTopic));
    const provisioner = new TopicProvisioner(kafka, settings, fastRetry);

    await expect(provisioner.ensure(['t'])).rejects.toThrow('does not host this topic-partition');
    expect(calls.createTopics).toBe(fastRetry.attempts);
  });

  it('does not retry an error that is not a retriable broker answer', async () => {
    const refused = protocolError({
      type: 'INVALID_REPLICATION_FACTOR',
      code: 38,
      retriable: false,
      message: 'Replication factor is invalid',
    });
    const { kafka, calls } = scriptedKafka([refused, 'ok']);
    const provisioner = new TopicProvisioner(kafka, settings, fastRetry);

    await expect(provisioner.ensure(['t'])).rejects.toThrow('Replication factor is invalid');
    expect(calls.createTopics).toBe(1);
  });

  it('leaves a refused connection to the caller, who retries on its own schedule', async () => {
    const { kafka, calls } = scriptedKafka([
      new KafkaJSConnectionError('Connection error: ECONNREFUSED'),
      'ok',
    ]);
    const provisioner = new TopicProvisioner(kafka, settings, fastRetry);

    await expect(provisioner.ensure(['t'])).rejects.toThrow('ECONNREFUSED');
    expect(calls.createTopics).toBe(1);
    await provisioner.ensure(['t']);
    expect(calls.createTopics).toBe(2);
  });
});
