export { ConfigError } from './config/config-error.js';
export {
  DEFAULT_DATA_DIR,
  IN_MEMORY_DATA_DIR,
  databaseConfigFromEnv,
  embeddedDatabaseDir,
  redactUrl,
  type DatabaseConfig,
} from './config/database-config.js';
export type { ErrorReporter } from './connection/error-reporter.js';
export { Database, type DatabaseOptions, type ServiceDatabaseOptions } from './database/database.js';
export { ServiceDatabase } from './database/service-database.js';
export { runMigrationsCli, type MigrationsCliIo } from './migrations/run-migrations-cli.js';
export { serviceRoles, type ServiceRoles } from './tenancy/service-roles.js';
export { TENANT_SETTING, tenantIsolationSql } from './tenancy/tenant-isolation-sql.js';
export {
  NestedTransactionError,
  OutsideTransactionError,
  SecondConnectionError,
  TransactionAbortedError,
  TransactionClosedError,
} from './transaction/transaction-errors.js';
export type { Tx } from './transaction/tx.js';
