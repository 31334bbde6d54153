import type { DataSource } from 'typeorm';
import type { ErrorReporter } from '../connection/error-reporter.js';
import { migrateSchema } from '../migrations/migrate-schema.js';
import { serviceRoles, type ServiceRoles } from '../tenancy/service-roles.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import { runTransaction, type TransactionTarget } from '../transaction/run-transaction.js';
import type { Tx } from '../transaction/tx.js';

/** @internal what Database hands to each ServiceDatabase it creates. */
export interface ServiceDatabaseInit {
  readonly service: string;
  readonly dataSource: DataSource;
  readonly owner: object;
  readonly onError: ErrorReporter;
  readonly onClose: () => void;
}

/** One service's schema, roles and TypeORM data source; the only door to its tables. */
export class ServiceDatabase {
  readonly service: string;
  /** Same as the service name. */
  readonly schema: string;
  readonly dataSource: DataSource;
  readonly roles: ServiceRoles;
  private readonly target: TransactionTarget;
  private readonly init: ServiceDatabaseInit;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  /** @internal use Database.forService. */
  constructor(init: ServiceDatabaseInit) {
    this.init = init;
    this.service = init.service;
    this.schema = init.service;
    this.dataSource = init.dataSource;
    this.roles = serviceRoles(init.service);
    this.target = {
      dataSource: init.dataSource,
      owner: init.owner,
      roles: this.roles,
      onError: init.onError,
    };
  }

  /** Creates the schema and roles and runs pending migrations; safe to call from every process at start. */
  async migrate(): Promise<void> {
    await this.migrateAndList();
  }

  /** Like migrate(), returning the names of the migrations it applied (for the CLI). */
  migrateAndList(): Promise<string[]> {
    return this.track(() => migrateSchema(this.dataSource, this.init.owner, this.service));
  }

  /**
   * Runs fn in one transaction as the service's application role with the tenant set; RLS applies.
   * Never await network I/O inside fn: on the embedded database every other transaction waits for it.
   */
  async withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    assertTenantId(tenantId);
    return this.track(() => runTransaction(this.target, { tenantId }, fn));
  }

  /** Runs fn in one transaction as the service's system role (cross-tenant jobs: outbox relay, schedulers). */
  asSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.track(() => runTransaction(this.target, { system: true }, fn));
  }

  /** Refuses new transactions, lets running ones finish, then closes the data source. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.inFlight]);
      if (this.dataSource.isInitialized) {
        await this.dataSource.destroy();
      }
      this.init.onClose();
    })();
    return this.closing;
  }

  // Closing the data source under a running transaction would hand its connection to someone else mid-way.
  private track<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing !== undefined) {
      return Promise.reject(new Error(`The database of service "${this.service}" is closed.`));
    }
    const running = work();
    this.inFlight.add(running);
    const forget = () => this.inFlight.delete(running);
    running.then(forget, forget);
    return running;
  }
}
