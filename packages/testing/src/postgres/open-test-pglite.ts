import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPglite {
  /** null when in memory. */
  readonly dataDir: string | null;
  /** Same shape as @chorus/persistence's DatabaseConfig. */
  readonly config: { kind: 'pglite'; dataDir: string | null };
  /** Removes the data directory, if any; close the Database first. */
  drop(): Promise<void>;
}

/**
 * An embedded database for one test: in memory by default, or persisted under a fresh temporary
 * directory ({ persisted: true }) to test what survives a close and reopen.
 */
export async function openTestPglite(options: { persisted?: boolean } = {}): Promise<TestPglite> {
  const dataDir = options.persisted === true ? await mkdtemp(join(tmpdir(), 'chorus-pglite-')) : null;
  return {
    dataDir,
    config: { kind: 'pglite', dataDir },
    async drop() {
      if (dataDir !== null) {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
