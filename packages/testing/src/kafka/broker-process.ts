import { fileURLToPath } from 'node:url';

/** A broker process of a test's own (see test/infra/kafka.mjs and kafka.d.mts). */
export interface KafkaBrokerProcess {
  readonly version: string;
  readonly port: number;
  readonly brokers: string[];
  readonly bootstrap: string;
  readonly pid: number;
  readonly logDir: string;
  readonly logFile: string;
  /** Clean shutdown: SIGTERM, then SIGKILL after 30 s. */
  stop(): Promise<void>;
  /** A crash: SIGKILL; the log dir stays for start(). */
  kill9(): Promise<void>;
  /** Starts again on the same log dir; Kafka runs its log recovery. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the broker and deletes its log dir. Call it in afterAll. */
  dispose(): Promise<void>;
}

export interface KafkaBrokerOptions {
  /** Default: KAFKA_VERSION, else 3.9.1. */
  version?: string;
  /** Default: any free pair of ports (the controller takes port + 1). */
  port?: number;
}

/**
 * Starts a broker of the test's own, on fresh ports and a fresh log dir, for tests that stop, crash or
 * restart Kafka: never do that to the shared broker in KAFKA_BROKERS, other test files are using it.
 * Takes about 5 s (plus a one-time download when the Kafka version is not cached).
 */
export async function startKafkaBroker(options: KafkaBrokerOptions = {}): Promise<KafkaBrokerProcess> {
  // The broker scripts live in the repository's test/infra (plain Node, usable from CI before a build);
  // this private package only runs inside the repository, so a path relative to it is stable.
  const script = fileURLToPath(new URL('../../../../test/infra/kafka.mjs', import.meta.url));
  const kafka = (await import(script)) as {
    startKafka(options: KafkaBrokerOptions & { fresh: boolean; owner: string }): Promise<KafkaBrokerProcess>;
  };
  return kafka.startKafka({ port: 0, ...options, fresh: true, owner: 'test' });
}
