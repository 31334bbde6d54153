import type pg from 'pg';

/** A connection lent to one TypeORM query runner until it releases it. */
export interface PooledConnection {
  readonly client: pg.ClientBase;
  release(error?: Error): void;
}

/** The connections of one Database, shared by all its services' data sources. */
export interface ConnectionPool {
  /** A 'transaction' lease is one withTenant/asSystem call; 'maintenance' is start-up and migrations. */
  connect(purpose: 'transaction' | 'maintenance'): Promise<PooledConnection>;
  /** Waits for lent connections to come back, then closes everything. */
  end(): Promise<void>;
}
