import { mkdir } from 'node:fs/promises';
import { runMigrationsCli } from '@chorus/persistence';
import { dataDirFrom, embeddedDatabaseDir } from '../config/data-dir.js';
import { ALL_SERVICES } from '../services.js';

/** `chorus migrate [service|all]`: on DATABASE_URL, or on the embedded database that `chorus start` uses. */
export async function runMigrate(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const names = args.filter((a) => a !== 'all');
  let databaseEnv = env;
  const dataDir = dataDirFrom(env.CHORUS_DATA_DIR?.trim() || './.chorus-data');
  if (!env.DATABASE_URL?.trim() && dataDir !== null) {
    await mkdir(embeddedDatabaseDir(dataDir), { recursive: true });
    databaseEnv = { ...env, CHORUS_DATA_DIR: embeddedDatabaseDir(dataDir) };
  }
  return runMigrationsCli(
    names,
    ALL_SERVICES.map((s) => ({ service: s.name, entities: [...s.entities], migrations: [...s.migrations] })),
    { env: databaseEnv },
  );
}
