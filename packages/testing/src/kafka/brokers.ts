/**
 * The Kafka brokers that tests use: KAFKA_BROKERS, which the root vitest global setup sets (it starts or
 * reuses one shared broker per test run; see docs/adr/0003-test-infrastructure.md).
 */
export function kafkaBrokersForTests(env: NodeJS.ProcessEnv = process.env): string[] {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  if (brokers.length === 0) {
    throw new Error(
      'KAFKA_BROKERS is not set. Run tests through the root vitest config (`npx vitest run <path>` from the ' +
        'repository root: its global setup starts a broker), or start one with ' +
        '`node test/infra/kafka.mjs start` and export KAFKA_BROKERS=127.0.0.1:19092.',
    );
  }
  return brokers;
}
