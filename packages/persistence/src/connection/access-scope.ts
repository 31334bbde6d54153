import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/**
 * Who may take a connection right now. withTenant/asSystem open a 'transaction' scope that may take exactly
 * one connection; start-up and migrations open a 'maintenance' scope. Outside a scope there is no access,
 * which is what makes "withTenant/asSystem are the only way to touch the db" hold.
 */
export interface AccessScope {
  /** The Database whose connections this scope may use. */
  readonly owner: object;
  readonly kind: 'transaction' | 'maintenance';
  connection?: pg.ClientBase;
  ended: boolean;
}

const storage = new AsyncLocalStorage<AccessScope>();

export function runInScope<T>(scope: AccessScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

/** The live scope of this Database in the current async context, if any. */
export function activeScope(owner: object): AccessScope | undefined {
  const scope = storage.getStore();
  return scope !== undefined && scope.owner === owner && !scope.ended ? scope : undefined;
}
