import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';

export interface TopicBatch {
  readonly topic: string;
  readonly messages: Message[];
}

/**
 * kafkajs producer as the bus needs it: idempotent, acks from all in-sync replicas, one request in flight
 * (what kafkajs requires for idempotence), Java-compatible partitioning by key. A send that fails throws and
 * drops the producer: the next send starts a new producer session (new producer id), because after some
 * failures (OUT_OF_ORDER_SEQUENCE_NUMBER, a restarted broker) the old session cannot continue.
 */
export class IdempotentProducer {
  private producer: Promise<Producer> | null = null;

  constructor(private readonly kafka: Kafka) {}

  async sendBatch(batches: readonly TopicBatch[]): Promise<void> {
    const producer = await this.connected();
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: batches.map((b) => ({ topic: b.topic, messages: b.messages })),
      });
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    if (producer) {
      await (await producer.catch(() => null))?.disconnect().catch(() => undefined);
    }
  }

  private connected(): Promise<Producer> {
    if (this.producer === null) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Unbounded, as kafkajs requires to keep idempotence: a send waits out a broker outage.
        retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 5_000 },
      });
      const connecting = producer.connect().then(() => producer);
      this.producer = connecting;
      connecting.catch(() => {
        if (this.producer === connecting) {
          this.producer = null;
        }
      });
    }
    return this.producer;
  }
}
