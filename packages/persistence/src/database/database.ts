import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/database-config.js';
import { runInScope } from '../connection/access-scope.js';
import type { ConnectionPool } from '../connection/connection-pool.js';
import { consoleErrorReporter, type ErrorReporter } from '../connection/error-reporter.js';
import { typeormDriverFor } from '../connection/typeorm-driver.js';
import { MIGRATIONS_TABLE } from '../migrations/schema-bootstrap-sql.js';
import { openPglitePool } from '../pglite/pglite-connection-pool.js';
import { openPostgresPool } from '../postgres/postgres-connection-pool.js';
import { assertServiceName } from '../tenancy/identifiers.js';
import { ServiceDatabase } from './service-database.js';

export interface DatabaseOptions {
  /** Errors with no caller to throw to (afterCommit callbacks, idle connections); default: console.error. */
  onError?: ErrorReporter;
}

export interface ServiceDatabaseOptions {
  service: string;
  // Function[]: the binding API (docs/internal/backbone-apis.md) and TypeORM's own option type.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  /** Migration classes, listed explicitly (no glob loading: see docs/adr/0002). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

/** One per process and database: owns the connections (on PGlite, the one connection and its lock). */
export class Database {
  private readonly services = new Map<string, ServiceDatabase>();
  private closing: Promise<void> | undefined;

  private constructor(
    readonly kind: DatabaseConfig['kind'],
    private readonly pool: ConnectionPool,
    private readonly onError: ErrorReporter,
  ) {}

  static async open(config: DatabaseConfig, options: DatabaseOptions = {}): Promise<Database> {
    const onError = options.onError ?? consoleErrorReporter;
    const pool =
      config.kind === 'postgres'
        ? await openPostgresPool(config, onError)
        : await openPglitePool(config.dataDir, onError);
    return new Database(config.kind, pool, onError);
  }

  /** A data source for one service on the shared connections; call migrate() on it before use. */
  async forService(options: ServiceDatabaseOptions): Promise<ServiceDatabase> {
    assertServiceName(options.service);
    if (this.closing !== undefined) {
      throw new Error('This Database is closed.');
    }
    if (this.services.has(options.service)) {
      throw new Error(
        `The service "${options.service}" is already open on this Database: reuse its ServiceDatabase.`,
      );
    }
    const dataSource = new DataSource({
      type: 'postgres',
      driver: typeormDriverFor(this.pool, this),
      schema: options.service,
      entities: options.entities,
      migrations: options.migrations,
      migrationsTableName: MIGRATIONS_TABLE,
      migrationsRun: false,
      synchronize: false,
      // uuid-ossp is not in PGlite; gen_random_uuid() is built into PostgreSQL 13+ and PGlite.
      installExtensions: false,
      uuidExtension: 'pgcrypto',
    });
    await runInScope({ owner: this, kind: 'maintenance', ended: false }, () => dataSource.initialize());
    const serviceDatabase = new ServiceDatabase({
      service: options.service,
      dataSource,
      owner: this,
      onError: this.onError,
      onClose: () => this.services.delete(options.service),
    });
    this.services.set(options.service, serviceDatabase);
    return serviceDatabase;
  }

  /** Closes every service, then the connections (after in-flight transactions finish). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.services.values()].map((service) => service.close()));
      await this.pool.end();
    })();
    return this.closing;
  }
}
