import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { probeKafka } from './kafka.mjs';
import { ensurePostgres, probePostgres } from './postgres.mjs';

describe('the run-wide infrastructure', () => {
  it('hands the broker and the database to the workers', () => {
    expect(process.env.KAFKA_BROKERS).toBe(inject('kafkaBrokers'));
    expect(process.env.DATABASE_URL).toBe(inject('databaseUrl'));
  });

  it('the shared broker answers a metadata request', async () => {
    const port = Number(inject('kafkaBrokers').split(',')[0]!.split(':')[1]);
    const answer = await probeKafka(port);
    expect(answer).toMatchObject({ ok: true, controllerId: 1 });
    expect(answer.brokers).toEqual([{ nodeId: 1, host: '127.0.0.1', port }]);
  });

  it('a port where nothing listens is not a broker', async () => {
    expect(await probeKafka(1)).toMatchObject({ ok: false });
  });
});

describe('ensurePostgres', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('uses DATABASE_URL when it is set', async () => {
    process.env.DATABASE_URL = 'postgres://someone@db.invalid:5433/app';
    const pg = await ensurePostgres();
    expect(pg).toMatchObject({ url: 'postgres://someone@db.invalid:5433/app', started: false });
  });

  it('starts a throwaway cluster when no server answers, and stops it', async () => {
    delete process.env.DATABASE_URL;
    process.env.CHORUS_PG_PROBE = '127.0.0.1:1';
    // A cache dir of its own, so that this cluster is not the one a test run may be using.
    const cache = mkdtempSync(path.join(tmpdir(), 'chorus-pg-spec-'));
    process.env.CHORUS_CACHE_DIR = cache;
    try {
      const pg = await ensurePostgres();
      expect(pg).toMatchObject({ started: true, throwaway: true });
      const port = Number(new URL(pg.url).port);
      expect(await probePostgres({ port })).toBe('ok');
      await pg.stop();
      expect(await probePostgres({ port })).toBe('down');
      // As root the cluster lives outside the cache dir (see clusterBase in postgres.mjs).
      if (pg.base) {
        rmSync(pg.base, { recursive: true, force: true });
      }
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 60_000);
});
