import type { Message } from 'kafkajs';
import type { OutboxRecord, OutboxSink } from '../relay/outbox-record.js';
import type { IdempotentProducer } from './idempotent-producer.js';
import type { TopicProvisioner } from './topic-provisioner.js';

/** Distributed mode's transport: one sendBatch per relay batch, keyed by workspace, acknowledged by all replicas. */
export class KafkaOutboxSink implements OutboxSink {
  readonly pipelined = true;

  constructor(
    private readonly producer: IdempotentProducer,
    private readonly topics: TopicProvisioner,
  ) {}

  async deliver(records: readonly OutboxRecord[]): Promise<readonly string[]> {
    const byTopic = new Map<string, Message[]>();
    for (const record of records) {
      const message: Message = { key: record.key, value: record.value, headers: { ...record.headers } };
      const list = byTopic.get(record.topic);
      if (list) {
        list.push(message);
      } else {
        byTopic.set(record.topic, [message]);
      }
    }
    await this.topics.ensure(byTopic.keys());
    await this.producer.sendBatch([...byTopic].map(([topic, messages]) => ({ topic, messages })));
    return records.map((record) => record.id);
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}
