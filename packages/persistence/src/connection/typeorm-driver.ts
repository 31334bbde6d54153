import type pg from 'pg';
import { OutsideTransactionError, SecondConnectionError } from '../transaction/transaction-errors.js';
import { activeScope } from './access-scope.js';
import type { ConnectionPool } from './connection-pool.js';

type ConnectCallback = (error: unknown, client?: pg.ClientBase, release?: (error?: Error) => void) => void;

/**
 * The `driver` option for a TypeORM postgres DataSource: a pg-compatible Pool that lends the Database's
 * shared connections, and only to code running inside withTenant/asSystem (or start-up and migrations).
 * Its end() is a no-op because the Database, not each service's DataSource, owns the connections.
 */
export function typeormDriverFor(pool: ConnectionPool, owner: object): { Pool: new () => unknown } {
  class GuardedPool {
    connect(callback: ConnectCallback): void {
      const scope = activeScope(owner);
      if (scope === undefined) {
        return callback(new OutsideTransactionError());
      }
      if (scope.kind === 'transaction' && scope.connection !== undefined) {
        return callback(new SecondConnectionError());
      }
      pool.connect(scope.kind).then(
        (lent) => {
          if (scope.kind === 'transaction') {
            scope.connection = lent.client;
          }
          callback(null, lent.client, (error) => lent.release(error));
        },
        (error: unknown) => callback(error),
      );
    }

    on(): this {
      return this;
    }

    end(callback?: (error?: Error) => void): void {
      callback?.();
    }
  }
  return { Pool: GuardedPool };
}
