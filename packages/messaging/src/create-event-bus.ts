import type { EventBusConfig } from './config/event-bus-config.js';
import type { EventBus } from './event-bus.js';
import type { EventBusOptions } from './event-bus-options.js';
import { InProcessEventBus } from './in-process/in-process-event-bus.js';
import { KafkaEventBus } from './kafka/kafka-event-bus.js';

/** One per process. `eventBusConfigFromEnv()` picks the transport from KAFKA_BROKERS. */
export function createEventBus(config: EventBusConfig, options: EventBusOptions = {}): EventBus {
  switch (config.transport) {
    case 'in-process':
      return new InProcessEventBus(options);
    case 'kafka':
      return new KafkaEventBus({ brokers: config.brokers, clientId: config.clientId }, options);
  }
}
