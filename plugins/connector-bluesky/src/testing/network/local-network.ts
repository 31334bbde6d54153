import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestNetwork } from '@atproto/dev-env';
import { newSchemaName, schemasOf, staleSchemas } from './postgres-schemas.js';
import type { NetworkDescription } from './test-network.js';

export interface LocalNetworkOptions {
  /** PostgreSQL for the AppView and Ozone; DATABASE_URL, else the machine's server on 127.0.0.1:5432. */
  readonly databaseUrl?: string;
}

/** A TestNetwork of @atproto/dev-env running in this process. */
export interface LocalBlueskyNetwork extends NetworkDescription {
  processAll(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Starts the full dev-env network: PLC (in memory), a PDS (SQLite and blobs in a private temporary folder),
 * the AppView and Ozone on PostgreSQL, in schemas of their own that are dropped again on close. The AppView is
 * what notifications and counters need (DESIGN.md section 4). About 7 s here.
 */
export async function startLocalBlueskyNetwork(
  options: LocalNetworkOptions = {},
): Promise<LocalBlueskyNetwork> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const folder = await mkdtemp(join(tmpdir(), 'chorus-bluesky-'));
  const schema = newSchemaName();
  const started = Date.now();
  const devEnv = await import('@atproto/dev-env');
  let network: TestNetwork;
  // dev-env reads these while it starts: TMPDIR for the PDS's files, REDIS_HOST only to be present.
  const restore = withEnvironment({ TMPDIR: folder, REDIS_HOST: process.env.REDIS_HOST ?? 'unused:6379' });
  try {
    network = await devEnv.TestNetwork.create({ dbPostgresUrl: databaseUrl, dbPostgresSchema: schema });
  } catch (error) {
    await dropSchemas(devEnv.Database, databaseUrl, schemasOf(schema));
    await rm(folder, { recursive: true, force: true });
    throw error;
  } finally {
    restore();
  }
  const startupSeconds = (Date.now() - started) / 1000;
  // Printed so that CI logs show what the network costs on the machine at hand.
  process.stderr.write(
    `[bluesky] local network started in ${startupSeconds.toFixed(1)} s (PDS ${network.pds.url})\n`,
  );
  await sweepStaleSchemas(devEnv.Database, databaseUrl);
  let closing: Promise<void> | undefined;
  return {
    pdsUrl: network.pds.url,
    appViewUrl: network.bsky.url,
    plcUrl: network.plc.url,
    accessTokenSecret: devEnv.JWT_SECRET,
    startupSeconds,
    processAll: () => network.processAll(),
    close() {
      closing ??= (async () => {
        await network.close();
        await dropSchemas(devEnv.Database, databaseUrl, schemasOf(schema));
        await rm(folder, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

type DatabaseClass = typeof import('@atproto/dev-env').Database;

async function dropSchemas(Database: DatabaseClass, url: string, schemas: readonly string[]): Promise<void> {
  const db = new Database({ url, poolSize: 1 });
  try {
    for (const name of schemas) {
      await db.pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    }
  } finally {
    await db.close();
  }
}

async function sweepStaleSchemas(Database: DatabaseClass, url: string): Promise<void> {
  const db = new Database({ url, poolSize: 1 });
  let names: string[];
  try {
    const result = await db.pool.query<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'appview\\_chorus\\_bsky\\_%' OR nspname LIKE 'ozone\\_chorus\\_bsky\\_%'",
    );
    names = staleSchemas(result.rows.map((row) => row.nspname));
  } finally {
    await db.close();
  }
  if (names.length > 0) {
    await dropSchemas(Database, url, names);
  }
}

function withEnvironment(values: Readonly<Record<string, string>>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
  };
}
