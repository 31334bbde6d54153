import { resolve } from 'node:path';

export const IN_MEMORY = 'memory://';

/** The data directory as given, or null for memory. */
export function dataDirFrom(value: string): string | null {
  return value === IN_MEMORY ? null : resolve(value);
}
