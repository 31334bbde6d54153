import { join, resolve } from 'node:path';

export const IN_MEMORY = 'memory://';

/** The data directory as given, or null for memory. */
export function dataDirFrom(value: string): string | null {
  return value === IN_MEMORY ? null : resolve(value);
}

/** The embedded database lives in a subdirectory, next to the identity key. */
export function embeddedDatabaseDir(dataDir: string): string {
  return join(dataDir, 'postgres');
}
