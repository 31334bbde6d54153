import { ConfigError } from '@chorus/persistence';

export type EventBusConfig =
  | { readonly transport: 'in-process' }
  | { readonly transport: 'kafka'; readonly brokers: readonly string[]; readonly clientId: string };

const DEFAULT_CLIENT_ID = 'chorus';
// host:port, where host is a name, an IPv4 address or a bracketed IPv6 address.
const BROKER = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5})$/;
const CLIENT_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * KAFKA_BROKERS set -> Kafka (distributed mode); unset or empty -> in-process (embedded mode).
 * KAFKA_CLIENT_ID optionally names this process to the brokers. Fails at start-up, not at first send, with
 * @chorus/persistence's ConfigError naming the variable.
 */
export function eventBusConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventBusConfig {
  const raw = env.KAFKA_BROKERS?.trim();
  if (raw === undefined || raw === '') {
    return { transport: 'in-process' };
  }
  const brokers = raw.split(',').map((entry) => entry.trim());
  for (const broker of brokers) {
    const match = BROKER.exec(broker);
    const port = match ? Number(match[1]) : Number.NaN;
    if (!match || port < 1 || port > 65535) {
      throw new ConfigError(
        'KAFKA_BROKERS',
        `KAFKA_BROKERS has an invalid entry "${broker}": expected a comma-separated list of host:port ` +
          '(e.g. kafka-1:9092,kafka-2:9092). Unset KAFKA_BROKERS to run with the in-process event bus.',
      );
    }
  }
  const clientId = env.KAFKA_CLIENT_ID?.trim() || DEFAULT_CLIENT_ID;
  if (!CLIENT_ID.test(clientId)) {
    throw new ConfigError(
      'KAFKA_CLIENT_ID',
      `KAFKA_CLIENT_ID "${clientId}" is invalid: use up to 100 letters, digits, '.', '_' or '-'.`,
    );
  }
  return { transport: 'kafka', brokers, clientId };
}
