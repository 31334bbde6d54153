import type { ServiceDatabase } from '@chorus/persistence';
import type { Kafka } from 'kafkajs';
import { buildPipeline } from '../consumer/build-pipeline.js';
import type { ConsumerRegistration, EventBus } from '../event-bus.js';
import { defaultKafkaTuning, type EventBusOptions, type KafkaTuning } from '../event-bus-options.js';
import { stderrLogger, type BusLogger } from '../logger.js';
import { OutboxRelay, defaultRelayOptions } from '../relay/outbox-relay.js';
import { relayLeadershipFor } from '../relay/relay-leadership-for.js';
import { BrokerProbe } from './broker-probe.js';
import { IdempotentProducer } from './idempotent-producer.js';
import { createKafkaClient, type KafkaConnectionConfig } from './kafka-client.js';
import { KafkaConsumerRunner } from './kafka-consumer-runner.js';
import { KafkaDeadLetterSink } from './kafka-dead-letter-sink.js';
import { KafkaOutboxSink } from './kafka-outbox-sink.js';
import { TopicProvisioner } from './topic-provisioner.js';

// Readiness probes (Kubernetes, load balancers) usually give up after a few seconds themselves.
const READINESS_TIMEOUT_MS = 2_000;

/** Distributed mode: relays publish to Kafka, consumer groups read from it. */
export class KafkaEventBus implements EventBus {
  readonly transport = 'kafka' as const;
  private readonly logger: BusLogger;
  private readonly tuning: KafkaTuning;
  private readonly kafka: Kafka;
  private readonly topics: TopicProvisioner;
  private readonly deadLetterProducer: IdempotentProducer;
  private readonly relays: OutboxRelay[] = [];
  private readonly runners: KafkaConsumerRunner[] = [];
  private readonly groups = new Set<string>();
  private readonly probe: BrokerProbe;
  private started = false;

  constructor(
    connection: KafkaConnectionConfig,
    private readonly options: EventBusOptions = {},
  ) {
    this.logger = options.logger ?? stderrLogger;
    this.tuning = { ...defaultKafkaTuning, ...options.kafka };
    this.kafka = createKafkaClient(connection, this.logger);
    this.topics = new TopicProvisioner(this.kafka, {
      partitions: this.tuning.topicPartitions,
      replicationFactor: this.tuning.replicationFactor,
    });
    this.deadLetterProducer = new IdempotentProducer(this.kafka);
    this.probe = new BrokerProbe(this.kafka, READINESS_TIMEOUT_MS);
    if (options.database?.kind !== 'postgres') {
      this.logger.warn(
        'kafka transport without a PostgreSQL database config: relays take no cross-process lock',
      );
    }
  }

  registerProducer(db: ServiceDatabase): OutboxRelay {
    if (this.relays.some((relay) => relay.schema === db.schema)) {
      throw new Error(`The outbox of ${db.schema} already has a relay in this process.`);
    }
    const leadership = (wake: () => void) =>
      relayLeadershipFor(db.schema, this.options.database, wake, this.logger);
    // One producer per relay: stopping one relay can close its producer under a stuck send without touching others.
    const sink = new KafkaOutboxSink(new IdempotentProducer(this.kafka), this.topics);
    const relay = new OutboxRelay(db, sink, leadership, this.logger, {
      ...defaultRelayOptions,
      ...this.options.relay,
    });
    this.relays.push(relay);
    if (this.started) {
      relay.start();
    }
    return relay;
  }

  registerConsumer(registration: ConsumerRegistration): void {
    if (this.started) {
      throw new Error('Register consumers before start().');
    }
    if (this.groups.has(registration.group)) {
      throw new Error(`Consumer group ${registration.group} is registered twice in this process.`);
    }
    this.groups.add(registration.group);
    const deadLetters = new KafkaDeadLetterSink(this.deadLetterProducer, this.topics);
    const pipeline = buildPipeline(registration, deadLetters, this.logger);
    this.runners.push(new KafkaConsumerRunner(this.kafka, pipeline, this.topics, this.tuning, this.logger));
  }

  async start(): Promise<void> {
    this.started = true;
    await Promise.all(this.runners.map((runner) => runner.start()));
    for (const relay of this.relays) {
      relay.start();
    }
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([
      ...this.relays.map((relay) => relay.stop()),
      ...this.runners.map((runner) => runner.stop()),
    ]);
    await this.deadLetterProducer.close();
    await this.topics.close();
    await this.probe.close();
  }

  async isReady(): Promise<boolean> {
    return this.started && (await this.probe.answers());
  }
}
