import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { BusLogger } from '../logger.js';

export interface KafkaConnectionConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
}

/** The one place that builds a kafkajs client; its log lines go to the bus logger. */
export function createKafkaClient(config: KafkaConnectionConfig, logger: BusLogger): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: [...config.brokers],
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      const { message, ...fields } = entry.log;
      const text = `kafkajs ${entry.namespace}: ${message}`;
      if (entry.level === logLevel.ERROR) {
        logger.error(text, fields);
      } else if (entry.level === logLevel.WARN) {
        logger.warn(text, fields);
      } else {
        logger.info(text, fields);
      }
    },
  });
}
