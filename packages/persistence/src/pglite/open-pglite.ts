import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';

export interface OpenedPglite {
  readonly pglite: PGlite;
  close(): Promise<void>;
}

/** Opens PGlite persisted under dataDir, or in memory when dataDir is null. */
export async function openPglite(dataDir: string | null): Promise<OpenedPglite> {
  if (dataDir === null) {
    const pglite = await PGlite.create();
    return { pglite, close: () => pglite.close() };
  }
  const directory = resolve(dataDir);
  mkdirSync(directory, { recursive: true });
  const unlock = lockDataDir(directory);
  try {
    const pglite = await PGlite.create({ dataDir: directory });
    return {
      pglite,
      async close() {
        try {
          await pglite.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw new Error(`Cannot open the embedded database in ${directory}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
