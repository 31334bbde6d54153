import pg from 'pg';
import { redactUrl } from '../config/database-config.js';
import type { ConnectionPool } from '../connection/connection-pool.js';
import type { ErrorReporter } from '../connection/error-reporter.js';

export const DEFAULT_POOL_SIZE = 10;

/** A pg pool for the whole process; it is checked once at open so that a wrong URL fails at start-up. */
export async function openPostgresPool(
  config: { url: string; poolSize?: number },
  onError: ErrorReporter,
): Promise<ConnectionPool> {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? DEFAULT_POOL_SIZE,
    application_name: 'chorus',
  });
  // An idle client that loses its server emits here; without a listener the process would crash.
  pool.on('error', (error) => onError(error, 'idle PostgreSQL connection failed'));
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(
      `Cannot connect to PostgreSQL at ${redactUrl(config.url)}: ${(error as Error).message}. ` +
        'Check DATABASE_URL and that the server is running and accepts this login.',
      { cause: error },
    );
  }
  return {
    async connect() {
      const client = await pool.connect();
      return { client, release: (error) => client.release(error) };
    },
    end: () => pool.end(),
  };
}
