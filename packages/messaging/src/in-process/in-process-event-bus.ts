import { buildPipeline } from '../consumer/build-pipeline.js';
import type { ConsumerRegistration, EventBus } from '../event-bus.js';
import type { EventBusOptions } from '../event-bus-options.js';
import { stderrLogger, type BusLogger } from '../logger.js';
import { OutboxRelay, defaultRelayOptions } from '../relay/outbox-relay.js';
import { relayLeadershipFor } from '../relay/relay-leadership-for.js';
import type { ServiceDatabase } from '@chorus/persistence';
import { InProcessRouter } from './in-process-router.js';
import { InProcessSink } from './in-process-sink.js';
import { TableDeadLetterSink } from './table-dead-letter-sink.js';

/** Embedded mode: the same outbox, relay and consumer pipeline as with Kafka, delivered within the process. */
export class InProcessEventBus implements EventBus {
  readonly transport = 'in-process' as const;
  private readonly logger: BusLogger;
  private readonly router = new InProcessRouter();
  private readonly relays: OutboxRelay[] = [];
  private started = false;

  constructor(private readonly options: EventBusOptions = {}) {
    this.logger = options.logger ?? stderrLogger;
  }

  registerProducer(db: ServiceDatabase): OutboxRelay {
    if (this.relays.some((relay) => relay.schema === db.schema)) {
      throw new Error(`The outbox of ${db.schema} already has a relay in this process.`);
    }
    const leadership = (wake: () => void) =>
      relayLeadershipFor(db.schema, this.options.database, wake, this.logger);
    const relay = new OutboxRelay(db, new InProcessSink(this.router), leadership, this.logger, {
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
    this.router.add(buildPipeline(registration, new TableDeadLetterSink(registration.db), this.logger));
  }

  start(): Promise<void> {
    this.started = true;
    for (const relay of this.relays) {
      relay.start();
    }
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all(this.relays.map((relay) => relay.stop()));
  }

  // Delivery needs only this process and its database, whose readiness is checked on its own.
  isReady(): Promise<boolean> {
    return Promise.resolve(this.started);
  }
}
