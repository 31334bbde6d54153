import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The short crash run of the publishing benchmark (bench/publish/run.mjs): the publishing process, on real
// PostgreSQL and Kafka, is killed with SIGKILL twice while a burst of posts goes out to the Mastodon fake
// (200 ms of latency), and restarted each time. Counted on the fake's own record: no duplicate, nothing lost.

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('publishing survives kill -9 of the publisher (bench crash scenario, short)', () => {
  it('publishes 200 posts once each across two kills and restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chorus-publish-crash-'));
    const out = join(dir, 'publish-crash.json');
    try {
      // The suite's broker (test/infra/global-setup.ts), rather than a second one.
      const brokers = process.env.KAFKA_BROKERS;
      await run(
        process.execPath,
        [
          'bench/publish/run.mjs',
          '--scenario',
          'crash',
          '--posts',
          '200',
          '--channels',
          '20',
          '--kills',
          '2',
          '--stale-ms',
          '3000',
          '--out',
          out,
          ...(brokers === undefined ? [] : ['--brokers', brokers]),
        ],
        { cwd: root, timeout: 400_000 },
      );
      const result = JSON.parse(await readFile(out, 'utf8')) as {
        metrics: {
          duplicates: number;
          resends: number;
          lost: number;
          unsettled: number;
          states: Record<string, number>;
        };
      };
      // On the fake's own record, with Idempotency-Keys not remembered: a blind resend would be a duplicate.
      expect(result.metrics).toMatchObject({ duplicates: 0, lost: 0, unsettled: 0 });
      expect(typeof result.metrics.resends).toBe('number');
      expect(result.metrics.states).toEqual({ published: 200 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 420_000);
});
