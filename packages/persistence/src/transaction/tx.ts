import type { EntityManager } from 'typeorm';

/** One database transaction, with its role and tenant already set. */
export interface Tx {
  /** TypeORM, bound to this transaction. */
  readonly manager: EntityManager;
  /** Runs SQL in this transaction and returns the rows (RETURNING rows for writes). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the binding API's default, as TypeORM's query
  query<R = any>(sql: string, params?: unknown[]): Promise<R[]>;
  /** null in a system transaction until setTenant is called. */
  readonly tenantId: string | null;
  /** Switches to the tenant (and the tenant-scoped role) for the rest of the transaction: batch consumers. */
  setTenant(tenantId: string): Promise<void>;
  /** Runs after a successful commit, never after a rollback. Errors it throws are reported, not thrown. */
  afterCommit(callback: () => void): void;
}
