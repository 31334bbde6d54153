import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedHost } from '@chorus/host';
import { createTestDatabase, kafkaBrokersForTests, type TestDatabase } from '@chorus/testing';
import { startDistributedCluster, type DistributedCluster } from './support/distributed-cluster.js';
import { goalBecomesKpiTracker, type LogRecord } from './support/goal-to-kpi-tracker.scenario.js';

// One flow, two ways to run it: the same scenario must pass against the embedded host and against six
// separate processes on PostgreSQL and Kafka (DESIGN.md, "Two ways to run, one code path").

describe('a goal becomes a KPI tracker, embedded (one process, PGlite, in-process bus)', () => {
  const lines: string[] = [];
  let host: EmbeddedHost;

  beforeAll(async () => {
    host = await startEmbedded({
      dataDir: null,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'info',
      logSink: (l) => lines.push(l),
    });
  }, 90_000);

  afterAll(async () => {
    await host?.close();
  });

  it('flows from strategy to analytics through the outbox, with one correlation id', async () => {
    await goalBecomesKpiTracker(host.url, () => lines.map((l) => JSON.parse(l) as LogRecord), 10_000);
  }, 30_000);
});

describe('a goal becomes a KPI tracker, distributed (six processes, PostgreSQL, Kafka)', () => {
  let database: TestDatabase;
  let cluster: DistributedCluster;

  beforeAll(async () => {
    database = await createTestDatabase();
    cluster = await startDistributedCluster({
      databaseUrl: database.url,
      kafkaBrokers: kafkaBrokersForTests().join(','),
      // A group of its own: other runs on the shared broker must not take this run's partitions.
      consumerGroupPrefix: `e2e-${randomBytes(4).toString('hex')}.`,
      readyTimeoutMs: 90_000,
    });
  }, 150_000);

  afterAll(async () => {
    await cluster?.stop();
    await database?.drop();
  }, 60_000);

  it('flows from strategy to analytics over Kafka, with one correlation id', async () => {
    await goalBecomesKpiTracker(cluster.gatewayUrl, () => cluster.logs(), 45_000);
  }, 90_000);

  it('stops every process gracefully on SIGTERM: bus drained, database closed', async () => {
    await cluster.stop();
    const stopped = new Set(
      cluster
        .logs()
        .filter((r) => r.msg === 'service stopped')
        .map((r) => r.service),
    );
    expect([...stopped].sort()).toEqual(['ads', 'analytics', 'community', 'content', 'gateway', 'strategy']);
  }, 60_000);
});
