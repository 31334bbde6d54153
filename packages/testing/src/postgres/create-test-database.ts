import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where test databases are created when DATABASE_URL is not set. */
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Same shape as @chorus/persistence's DatabaseConfig (declared here so the two packages do not depend on each other). */
  readonly config: { kind: 'postgres'; url: string };
  /** Drops the database, closing any connection still open on it. */
  drop(): Promise<void>;
}

/**
 * A fresh database on the real PostgreSQL for one test file: `chorus_t_<random>`, created from DATABASE_URL
 * (or the local server). Roles are cluster-wide and stay behind; they are NOLOGIN and harmless.
 */
export async function createTestDatabase(
  adminUrl: string = process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL,
): Promise<TestDatabase> {
  const name = `chorus_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    config: { kind: 'postgres', url: url.toString() },
    async drop() {
      if (dropped) {
        return;
      }
      dropped = true;
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach PostgreSQL for tests at ${redact(adminUrl)}: ${(error as Error).message}. ` +
        'Start it (npm run infra:postgres) or set DATABASE_URL.',
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') {
    parsed.password = '***';
  }
  return parsed.toString();
}
