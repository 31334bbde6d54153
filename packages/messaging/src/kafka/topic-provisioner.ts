import type { Admin, Kafka } from 'kafkajs';

export interface TopicSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
}

export interface ProvisionRetry {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly initialDelayMs: number;
}

/**
 * Several services starting together create the same topics at once; for a moment the broker then answers
 * metadata with "does not host this topic-partition" (kafkajs only waits out "leader not available").
 */
const DEFAULT_RETRY: ProvisionRetry = { attempts: 8, initialDelayMs: 100 };

/** A broker's retriable answer; a refused connection is not retried here (the caller's own retry covers it). */
function isRetriableAnswer(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { name, retriable } = error as { name?: unknown; retriable?: unknown };
  return name === 'KafkaJSProtocolError' && retriable === true;
}

/**
 * Creates topics on first use, so a new contract needs no manual step. Production clusters may pre-create them
 * with their own settings; creation then is a no-op.
 */
export class TopicProvisioner {
  private admin: Admin | null = null;
  private readonly known = new Set<string>();
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly kafka: Kafka,
    private readonly settings: TopicSettings,
    private readonly retry: ProvisionRetry = DEFAULT_RETRY,
  ) {}

  /** Serialised: two relays asking for the same topic create it once. */
  ensure(topics: Iterable<string>): Promise<void> {
    const missing = [...new Set(topics)].filter((topic) => !this.known.has(topic));
    if (missing.length === 0) {
      return Promise.resolve();
    }
    const next = this.pending.then(() => this.create(missing));
    this.pending = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect();
  }

  private async create(topics: string[]): Promise<void> {
    const missing = topics.filter((topic) => !this.known.has(topic));
    if (missing.length === 0) {
      return;
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.createOnce(missing);
        break;
      } catch (error) {
        if (attempt >= this.retry.attempts || !isRetriableAnswer(error)) {
          throw error;
        }
        const delay = this.retry.initialDelayMs * 2 ** (attempt - 1);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    for (const topic of missing) {
      this.known.add(topic);
    }
  }

  private async createOnce(missing: string[]): Promise<void> {
    if (this.admin === null) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    try {
      const existing = new Set(await this.admin.listTopics());
      const toCreate = missing.filter((topic) => !existing.has(topic));
      if (toCreate.length > 0) {
        await this.admin.createTopics({
          waitForLeaders: true,
          topics: toCreate.map((topic) => ({
            topic,
            numPartitions: this.settings.partitions,
            replicationFactor: this.settings.replicationFactor,
          })),
        });
      }
    } catch (error) {
      // A broker restart leaves a dead admin connection behind: start a fresh one next time.
      const admin = this.admin;
      this.admin = null;
      await admin?.disconnect().catch(() => undefined);
      throw error;
    }
  }
}
