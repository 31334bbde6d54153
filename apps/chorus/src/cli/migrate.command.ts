import { runMigrationsCli } from '@chorus/persistence';
import { ALL_SERVICES } from '../services.js';

/** `chorus migrate [service|all]`: on DATABASE_URL, or on the embedded database that `chorus start` uses. */
export function runMigrate(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const names = args.filter((a) => a !== 'all');
  return runMigrationsCli(
    names,
    ALL_SERVICES.map((s) => ({ service: s.name, entities: [...s.entities], migrations: [...s.migrations] })),
    { env },
  );
}
