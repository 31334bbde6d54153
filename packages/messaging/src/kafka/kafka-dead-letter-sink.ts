import type { Message } from 'kafkajs';
import type { DeadLetter, DeadLetterSink } from '../consumer/dead-letter.js';
import { headerNames } from '../consumer/inbound-message.js';
import { deadLetterTopic } from './dead-letter-topic.js';
import type { IdempotentProducer } from './idempotent-producer.js';
import type { TopicProvisioner } from './topic-provisioner.js';

/**
 * Distributed mode's dead letters: the original key, value and headers on `chorus.dead-letter.<group>`, plus
 * headers saying why and where from. Resolves only once all replicas have them, so the consumer may then
 * commit past the message.
 */
export class KafkaDeadLetterSink implements DeadLetterSink {
  constructor(
    private readonly producer: IdempotentProducer,
    private readonly topics: TopicProvisioner,
  ) {}

  async write(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) {
      return;
    }
    const byTopic = new Map<string, Message[]>();
    for (const letter of letters) {
      const topic = deadLetterTopic(letter.group);
      const message: Message = {
        key: letter.message.key,
        value: letter.message.value,
        headers: {
          ...letter.message.headers,
          [headerNames.deadLetterReason]: letter.reason,
          [headerNames.deadLetterDetail]: letter.detail,
          [headerNames.deadLetterAttempts]: String(letter.attempts),
          [headerNames.deadLetterGroup]: letter.group,
          [headerNames.sourceTopic]: letter.message.topic,
          [headerNames.sourcePartition]: String(letter.message.partition),
          [headerNames.sourceOffset]: letter.message.offset,
        },
      };
      const list = byTopic.get(topic);
      if (list) {
        list.push(message);
      } else {
        byTopic.set(topic, [message]);
      }
    }
    await this.topics.ensure(byTopic.keys());
    await this.producer.sendBatch([...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }
}
