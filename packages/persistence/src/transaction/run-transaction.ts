import type pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { activeScope, runInScope, type AccessScope } from '../connection/access-scope.js';
import type { ErrorReporter } from '../connection/error-reporter.js';
import type { ServiceRoles } from '../tenancy/service-roles.js';
import { TransactionContext } from './transaction-context.js';
import { NestedTransactionError, TransactionAbortedError } from './transaction-errors.js';
import type { Tx } from './tx.js';

export interface TransactionTarget {
  readonly dataSource: DataSource;
  /** The Database: the unit that owns the connections (and, on PGlite, the one lock). */
  readonly owner: object;
  readonly roles: ServiceRoles;
  readonly onError: ErrorReporter;
}

export type TransactionAccess = { tenantId: string } | { system: true };

/**
 * One transaction on one connection: start, switch role and tenant, run fn, commit; roll back on any throw.
 * The connection (on PGlite: the lock) is held only between start and commit; afterCommit callbacks run
 * after it is given back, so they may start transactions of their own.
 */
export async function runTransaction<T>(
  target: TransactionTarget,
  access: TransactionAccess,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (activeScope(target.owner) !== undefined) {
    throw new NestedTransactionError();
  }
  const scope: AccessScope = { owner: target.owner, kind: 'transaction', ended: false };
  const { result, callbacks } = await runInScope(scope, async () => {
    const runner = target.dataSource.createQueryRunner();
    const tx = new TransactionContext(runner, target.roles);
    try {
      await runner.startTransaction();
      if ('tenantId' in access) {
        await tx.setTenant(access.tenantId);
      } else {
        await tx.enterSystem();
      }
      const value = await fn(tx);
      await commit(runner, scope.connection);
      return { result: value, callbacks: tx.close() };
    } catch (error) {
      tx.close();
      if (runner.isTransactionActive && scope.connection !== undefined) {
        await runner.rollbackTransaction().catch((rollbackError: unknown) => {
          target.onError(rollbackError, 'rollback failed');
        });
      }
      throw error;
    } finally {
      scope.ended = true;
      await runner.release();
    }
  });
  runAfterCommit(callbacks, target.onError);
  return result;
}

/**
 * PostgreSQL answers COMMIT of an aborted transaction (a failed statement whose error fn swallowed) with
 * ROLLBACK and no error. The client's transaction status may not have caught up with that error yet (its
 * ReadyForQuery can arrive after the failed query's rejection ran), so the COMMIT's own command tag decides.
 */
async function commit(runner: QueryRunner, connection: pg.ClientBase | undefined): Promise<void> {
  if (connection === undefined || connection.getTransactionStatus() === 'E') {
    if (connection !== undefined) {
      throw new TransactionAbortedError();
    }
    await runner.commitTransaction();
    return;
  }
  const answer = await connection.query('COMMIT');
  // The transaction is over either way: keep TypeORM from rolling back a transaction that no longer exists.
  (runner as { isTransactionActive: boolean }).isTransactionActive = false;
  if (answer.command === 'ROLLBACK') {
    throw new TransactionAbortedError();
  }
}

function runAfterCommit(callbacks: Array<() => void>, onError: ErrorReporter): void {
  for (const callback of callbacks) {
    try {
      const returned: unknown = callback();
      // An async callback's rejection has no caller left: report it rather than crash the process.
      if (returned instanceof Promise) {
        returned.catch((error: unknown) => onError(error, 'afterCommit callback failed'));
      }
    } catch (error) {
      onError(error, 'afterCommit callback failed');
    }
  }
}
