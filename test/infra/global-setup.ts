// vitest globalSetup for the one repository-wide run (docs/adr/0003-test-infrastructure.md): finds or starts
// a real PostgreSQL and a real Kafka broker once, before any test file, and hands their addresses to the
// workers through the environment (inherited) and through `inject('databaseUrl' | 'kafkaBrokers')`.
import type { TestProject } from 'vitest/node';
import { DEFAULT_KAFKA_PORT, releaseKafka, startKafka } from './kafka.mjs';
import { ensurePostgres, releasePostgres } from './postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** Comma-separated host:port list, as in KAFKA_BROKERS. */
    kafkaBrokers: string;
  }
}

const log = (line: string): void => console.log(`[infra] ${line}`);

/** The URL without its password, for the log line. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

// vitest accepts named `setup` / `teardown` exports (the repository allows no default exports).
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await ensurePostgres({ owner: 'test-run', lease: true });
  process.env.DATABASE_URL = postgres.url;
  project.provide('databaseUrl', postgres.url);
  log(`PostgreSQL: ${postgres.source} (${redact(postgres.url)})`);

  let kafkaPort: number | undefined;
  if (process.env.KAFKA_BROKERS) {
    log(`Kafka: KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`);
  } else {
    // One broker per test run, shared by every file; a healthy one left by an earlier run is reused
    // (cached start of a fresh one takes about 5 s). CHORUS_KAFKA_PORT picks another port.
    kafkaPort = Number(process.env.CHORUS_KAFKA_PORT) || DEFAULT_KAFKA_PORT;
    const broker = await startKafka({ port: kafkaPort, owner: 'test-run', lease: true });
    process.env.KAFKA_BROKERS = broker.bootstrap;
    log(
      broker.reused
        ? `Kafka: reusing Kafka ${broker.version} on ${broker.bootstrap} (pid ${broker.pid})`
        : `Kafka: started Kafka ${broker.version} on ${broker.bootstrap} in ${broker.seconds.toFixed(1)}s (log ${broker.logFile})`,
    );
  }
  project.provide('kafkaBrokers', process.env.KAFKA_BROKERS);

  return async () => {
    // Stops only what a test run started, and only when no other run still uses it.
    if (kafkaPort !== undefined) {
      const kafka = await releaseKafka({ port: kafkaPort });
      if (kafka.stopped) {
        log(`Kafka: stopped the broker on 127.0.0.1:${kafkaPort}`);
      }
    }
    if (postgres.throwaway) {
      const pg = await releasePostgres();
      if (pg.stopped) {
        log('PostgreSQL: stopped the throwaway cluster');
      }
    }
  };
}
