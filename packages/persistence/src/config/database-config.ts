import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './config-error.js';

export type DatabaseConfig =
  { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir: string | null }; // null = in memory

/** Where the embedded database lives when neither variable is set (ignored by git). */
export const DEFAULT_DATA_DIR = '.chorus-data';
/** CHORUS_DATA_DIR value that keeps the embedded database in memory (tests, demos). */
export const IN_MEMORY_DATA_DIR = 'memory://';

const MAX_POOL_SIZE = 1000;

/**
 * The embedded database's own directory inside the data directory, which also holds other state kept across
 * restarts (the host's identity key). Every entry point (start, serve, migrate) uses this one rule.
 */
export function embeddedDatabaseDir(dataDir: string): string {
  return join(dataDir, 'postgres');
}

/**
 * DATABASE_URL -> PostgreSQL; otherwise embedded PGlite in CHORUS_DATA_DIR/postgres (default ./.chorus-data).
 * Fails fast at start-up rather than at the first query.
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = nonEmpty(env.DATABASE_URL);
  const poolSize = parsePoolSize(nonEmpty(env.DATABASE_POOL_SIZE));
  if (url !== undefined) {
    checkPostgresUrl(url);
    return poolSize === undefined ? { kind: 'postgres', url } : { kind: 'postgres', url, poolSize };
  }
  const dataDir = nonEmpty(env.CHORUS_DATA_DIR) ?? DEFAULT_DATA_DIR;
  if (dataDir === IN_MEMORY_DATA_DIR) {
    return { kind: 'pglite', dataDir: null };
  }
  const absolute = resolve(dataDir);
  checkWritableDirectory(absolute);
  return { kind: 'pglite', dataDir: embeddedDatabaseDir(absolute) };
}

/** The URL without its password, safe to put in an error message or a log line. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function checkPostgresUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      'DATABASE_URL is not a valid URL. Set it to postgres://user:password@host:5432/database, ' +
        'or unset it to use the embedded database under CHORUS_DATA_DIR.',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(
      'DATABASE_URL',
      `DATABASE_URL must start with postgres:// or postgresql:// (got ${parsed.protocol}//). ` +
        'Set it to postgres://user:password@host:5432/database, or unset it to use the embedded database.',
    );
  }
  if (parsed.hostname === '' && !parsed.searchParams.has('host')) {
    throw new ConfigError(
      'DATABASE_URL',
      `DATABASE_URL has no host (${redactUrl(url)}). Set it to postgres://user:password@host:5432/database.`,
    );
  }
}

function parsePoolSize(raw: string | undefined): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const size = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(size) || size < 1 || size > MAX_POOL_SIZE) {
    throw new ConfigError(
      'DATABASE_POOL_SIZE',
      `DATABASE_POOL_SIZE must be a whole number between 1 and ${MAX_POOL_SIZE} (got "${raw}"). ` +
        'Set it to the number of PostgreSQL connections per process, or unset it for the default (10).',
    );
  }
  return size;
}

/** The directory may not exist yet (PGlite creates it), but its nearest existing ancestor must be writable. */
function checkWritableDirectory(dir: string): void {
  let current = dir;
  for (;;) {
    const stat = statOrUndefined(current);
    if (stat !== undefined) {
      if (!stat.isDirectory()) {
        throw new ConfigError(
          'CHORUS_DATA_DIR',
          `CHORUS_DATA_DIR (${dir}) cannot be used: ${current} is not a directory. ` +
            'Set CHORUS_DATA_DIR to a writable directory, or to memory:// for a throwaway in-memory database.',
        );
      }
      try {
        accessSync(current, constants.W_OK);
      } catch {
        throw new ConfigError(
          'CHORUS_DATA_DIR',
          `CHORUS_DATA_DIR (${dir}) is not writable by this process (${current}). ` +
            'Fix its permissions or point CHORUS_DATA_DIR at a writable directory.',
        );
      }
      return;
    }
    const parent = dirname(current);
    if (parent === current) {
      return;
    }
    current = parent;
  }
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
