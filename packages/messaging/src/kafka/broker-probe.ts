import type { Admin, Kafka } from 'kafkajs';

/**
 * Answers "does a broker answer right now?" for readiness: one metadata round trip, bounded in time. A failed
 * probe drops its admin client, so the next one connects afresh instead of waiting on a dead connection.
 */
export class BrokerProbe {
  private admin: Admin | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly timeoutMs: number,
  ) {}

  async answers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.timeoutMs);
    });
    try {
      const answered = await Promise.race([this.describeCluster(), timedOut]);
      if (!answered) {
        await this.close();
      }
      return answered;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }

  private async describeCluster(): Promise<boolean> {
    try {
      // No retries: readiness wants the answer of now, not after kafkajs's backoff.
      this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
      await this.admin.connect();
      const cluster = await this.admin.describeCluster();
      return cluster.brokers.length > 0;
    } catch {
      return false;
    }
  }
}
