import { ConfigError } from '../config/config-error.js';
import { databaseConfigFromEnv } from '../config/database-config.js';
import { Database, type ServiceDatabaseOptions } from '../database/database.js';

export interface MigrationsCliIo {
  env?: NodeJS.ProcessEnv;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const USAGE = 'Usage: chorus migrate [service ...]   (no service: every service)';

/**
 * `chorus migrate [service ...]`: migrates the given services (all by default) on the database chosen by
 * the environment. The host passes every service's entities and migrations. Returns the exit code.
 */
export async function runMigrationsCli(
  argv: readonly string[],
  services: readonly ServiceDatabaseOptions[],
  io: MigrationsCliIo = {},
): Promise<number> {
  const out = io.out ?? ((line) => console.log(line));
  const err = io.err ?? ((line) => console.error(line));
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const known = new Set(services.map((service) => service.service));
  const unknown = argv.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    err(`Unknown service(s): ${unknown.join(', ')}. Known: ${[...known].join(', ')}.\n${USAGE}`);
    return 2;
  }
  const selected =
    argv.length === 0 ? services : services.filter((service) => argv.includes(service.service));
  let database: Database | undefined;
  try {
    database = await Database.open(databaseConfigFromEnv(io.env ?? process.env));
    for (const options of selected) {
      const applied = await (await database.forService(options)).migrateAndList();
      out(`${options.service}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`);
    }
    return 0;
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    return error instanceof ConfigError ? 2 : 1;
  } finally {
    await database?.close();
  }
}
