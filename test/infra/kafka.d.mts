// Types for kafka.mjs, which stays plain JavaScript so that it runs before `npm ci`.

export const DEFAULT_KAFKA_VERSION: string;
export const DEFAULT_KAFKA_PORT: number;

export interface KafkaStartOptions {
  /** Default: KAFKA_VERSION, else 3.9.1. */
  version?: string;
  /** PLAINTEXT port; the controller takes port + 1. 0: any free pair. Default 19092. */
  port?: number;
  /** Wipe the log dir first. */
  fresh?: boolean;
  /** Recorded in the state file: 'cli', 'test-run' (vitest global setup) or 'test' (a test's own broker). */
  owner?: 'cli' | 'test-run' | 'test';
  /** Register the calling process as a user (release with releaseKafka). */
  lease?: boolean;
  timeoutMs?: number;
}

export interface KafkaBroker {
  readonly version: string;
  readonly port: number;
  /** ['127.0.0.1:<port>'] */
  readonly brokers: string[];
  readonly bootstrap: string;
  pid: number;
  /** True when a healthy broker started earlier by kafka.mjs was reused. */
  readonly reused: boolean;
  readonly owner: string;
  /** Seconds the call took. */
  readonly seconds: number;
  readonly logDir: string;
  readonly logFile: string;
  /** SIGTERM, then SIGKILL after 30 s. */
  stop(): Promise<void>;
  /** SIGKILL and wait until the process is gone; the log dir stays. */
  kill9(): Promise<void>;
  /** Start again on the same log dir (after stop or kill9). */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stop and delete the log dir. */
  dispose(): Promise<void>;
}

export function installKafka(options?: { version?: string }): Promise<string>;
export function startKafka(options?: KafkaStartOptions): Promise<KafkaBroker>;
export function stopKafka(options?: { port?: number }): Promise<boolean>;
export function kafkaStatus(options?: { port?: number }): Promise<{
  running: boolean;
  healthy?: boolean;
  port: number;
  pid?: number;
  version?: string;
  owner?: string;
  bootstrap?: string;
}>;
export function probeKafka(
  port?: number,
  options?: { host?: string; timeoutMs?: number },
): Promise<{
  ok: boolean;
  reason?: string;
  brokers?: { nodeId: number; host: string; port: number }[];
  clusterId?: string | null;
  controllerId?: number;
}>;
export function releaseKafka(options?: { port?: number }): Promise<{ stopped: boolean; reason?: string }>;
export function kafkaUsers(port?: number): number[];
export function kafkaLeaseDir(port?: number): string;
