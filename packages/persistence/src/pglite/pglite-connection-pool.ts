import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { AsyncMutex } from '../connection/async-mutex.js';
import type { ConnectionPool } from '../connection/connection-pool.js';
import type { ErrorReporter } from '../connection/error-reporter.js';
import { openPglite } from './open-pglite.js';

/** Holding the embedded database longer than this almost always means network I/O inside a transaction. */
export const LONG_LEASE_WARNING_MS = 5_000;

/**
 * PGlite is a single connection. Every service's data source borrows the same pg client (PGlite's own
 * node-postgres adapter, so values are parsed exactly as on PostgreSQL), one borrower at a time, in
 * arrival order. A borrower is one transaction, so the lock is never held between transactions.
 */
export async function openPglitePool(
  dataDir: string | null,
  onError: ErrorReporter,
): Promise<ConnectionPool> {
  const opened = await openPglite(dataDir);
  const client = new pg.Client(createPgConfig(opened.pglite));
  client.on('error', (error) => onError(error, 'embedded database connection failed'));
  try {
    await client.connect();
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
  const mutex = new AsyncMutex();
  let closed = false;
  let ending: Promise<void> | undefined;
  const end = async (): Promise<void> => {
    const unlock = await mutex.acquire();
    closed = true;
    try {
      await client.end();
      await opened.close();
    } finally {
      unlock();
    }
  };
  return {
    async connect(purpose) {
      const unlock = await mutex.acquire();
      if (closed) {
        unlock();
        throw new Error('The embedded database is closed.');
      }
      if (purpose === 'maintenance') {
        return { client, release: unlock };
      }
      const watchdog = setTimeout(() => {
        onError(
          new Error(
            `A transaction has held the embedded database for over ${LONG_LEASE_WARNING_MS} ms, blocking every ` +
              'other service. Do not await network calls inside withTenant/asSystem.',
          ),
          'long transaction',
        );
      }, LONG_LEASE_WARNING_MS);
      watchdog.unref();
      return {
        client,
        release() {
          clearTimeout(watchdog);
          unlock();
        },
      };
    },
    end() {
      ending ??= end();
      return ending;
    },
  };
}
